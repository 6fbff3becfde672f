// The committed goldens are exactly what conformance/scripts/make-golden.mjs writes: a hand edit
// to a .jsonl file, or a change to a golden module that was not regenerated, fails here (the same
// guard packages/core has for its WebAssembly bytes: `node wasm/build.mjs --check`).
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const SCRIPT = fileURLToPath(new URL("../scripts/make-golden.mjs", import.meta.url));
const GOLDEN = fileURLToPath(new URL("../golden/", import.meta.url));

const makeGolden = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { encoding: "utf8" });

let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
  copy = undefined;
});

describe("golden files: no drift from the generator", () => {
  it("make-golden.mjs --check passes on the committed files", () => {
    const run = makeGolden("--check");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\d+ files, each as the generator writes it/);
  });

  it("--check names each file that differs, is missing or is extra, and exits 1", () => {
    copy = mkdtempSync(join(tmpdir(), "voxwire-golden-"));
    cpSync(GOLDEN, copy, { recursive: true });
    appendFileSync(join(copy, "omni/dtmf.jsonl"), "\n");
    rmSync(join(copy, "twilio/stream.jsonl"));
    writeFileSync(join(copy, "omnia/stray.jsonl"), "{}\n");

    const run = makeGolden("--check", "--root", copy);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("1 differ, 1 missing, 1 extra");
    expect(run.stderr).toMatch(/differs +omni\/dtmf\.jsonl/);
    expect(run.stderr).toMatch(/missing +twilio\/stream\.jsonl/);
    expect(run.stderr).toMatch(/extra +omnia\/stray\.jsonl/);

    // One dialect's check looks at that dialect only.
    expect(makeGolden("--check", "--root", copy, "--dialect", "orbitali").status).toBe(0);
  });
});
