// `voxwire record`: a session captured from each simulator replays as a passing golden file, and
// holds none of the secrets the session used (the key, the issued tokens, the signed URLs).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkGoldenFile, parseGolden, recordSession, type Simulator, startSimulator } from "@voxwire/conformance";
import { captureIo } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { DIALECTS } from "../src/registry.js";

const KEY = "rec-secret-key-0123456789";
const sims: Simulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function simulator(name: string): Promise<Simulator> {
  const sim = await startSimulator({ front: DIALECTS[name]!.front!(), fast: true, keys: [KEY] });
  sims.push(sim);
  return sim;
}

/** Every credential-looking value the simulators issue: token-first's tf_ tokens, Orbitali's orbsess_ ones, Omnia's socket token. */
const ISSUED = /tf_[A-Za-z0-9_-]{8,}|orbsess_[A-Za-z0-9_-]{8,}|[?&]token=(?!\[redacted\])/;

describe("voxwire record → replay", () => {
  for (const name of Object.keys(DIALECTS)) {
    it(`${name}: a recorded session replays through the golden check and holds no secret`, async () => {
      const sim = await simulator(name);
      const recording = await recordSession(DIALECTS[name]!, { url: sim.url, key: KEY, fast: true, stepMs: 2000 });
      expect(recording.refused).toBeUndefined();
      expect(recording.text).not.toContain(KEY);
      expect(recording.text).not.toMatch(ISSUED);
      const golden = parseGolden(recording.text, `${name}.jsonl`);
      expect(golden.header.source).toMatch(/^recorded from http:\/\/127\.0\.0\.1:\d+ on \d{4}-/);
      const kinds = golden.entries.map(({ line }) =>
        "frame" in line ? `${line.dir}-frame` : Object.keys(line).find((k) => k !== "dir" && k !== "atMs"),
      );
      expect(kinds).toContain("in-frame");
      expect(kinds).toContain("out-frame");
      expect(kinds.at(-1)).toBe("close");
      const report = await checkGoldenFile(golden, DIALECTS[name]!);
      expect(report.lines.flatMap((l) => l.problems.map((p) => `${l.lineNo}: ${p}`))).toEqual([]);
      expect(report.passed).toBe(true);
      // The simulator's own frames are what voxwire's peer would send: checked both ways.
      expect(golden.entries.filter(({ line }) => "frame" in line && line.oneWay !== undefined)).toEqual([]);
    });
  }

  it("a refused session is recorded as its refusal, and replays", async () => {
    for (const name of ["omni", "token-first"]) {
      const sim = await simulator(name);
      const recording = await recordSession(DIALECTS[name]!, { url: sim.url, key: "wrong-key-0000", fast: true, stepMs: 2000 });
      const golden = parseGolden(recording.text, "refused.jsonl");
      expect((await checkGoldenFile(golden, DIALECTS[name]!)).passed).toBe(true);
      expect(recording.text).not.toContain("wrong-key-0000");
      const last = golden.entries.at(-1)!;
      if (name === "omni") expect(last.line).toMatchObject({ close: { code: 4401 }, events: [{ code: "auth_failed" }, { type: "session-ended" }] });
      else expect(last.line).toMatchObject({ response: { status: 401 }, events: [{ code: "bootstrap_failed", retryable: false }] });
    }
  });

  it("the command writes the file only when it replays, never over one without --force, and says what it did", async () => {
    const sim = await simulator("token-first");
    const dir = mkdtempSync(join(tmpdir(), "voxwire-record-"));
    dirs.push(dir);
    const out = join(dir, "session.jsonl");
    const cli = captureIo();
    expect(await main(["record", "token-first", "--url", sim.url, "--key", KEY, "--out", out, "--fast", "--quiet"], cli.io)).toBe(0);
    expect(cli.stdout()).toMatch(/^the session is recorded: \d+ lines in .*session\.jsonl, secrets redacted; it replays through the golden check\n$/);
    expect(readFileSync(out, "utf8")).not.toContain(KEY);
    const again = captureIo();
    expect(await main(["record", "token-first", "--url", sim.url, "--key", KEY, "--out", out, "--fast"], again.io)).toBe(2);
    expect(again.stderr()).toContain("exists; --force overwrites it");
    for (const argv of [
      ["record", "token-first", "--url", sim.url, "--key", KEY],
      ["record", "acme", "--url", sim.url, "--key", KEY, "--out", out],
      ["record", "token-first", "--url", sim.url, "--key", KEY, "--out", join(dir, "x.txt")],
    ]) {
      expect(await main(argv, captureIo().io)).toBe(2);
    }
    // The key from the environment: a key on argv adds its warning line before the error.
    const unreachable = captureIo({ env: { VOXWIRE_KEY: KEY } });
    expect(await main(["record", "omni", "--url", "http://127.0.0.1:9", "--out", join(dir, "none.jsonl"), "--quiet"], unreachable.io)).toBe(1);
    expect(unreachable.stderr()).toMatch(/^voxwire record: \[voxwire\/omni\] could not open/);
    expect(existsSync(join(dir, "none.jsonl"))).toBe(false);
  });

  it("a refused or failed session exits 1 saying why; the refusal is still written, as a golden that replays", async () => {
    const dir = mkdtempSync(join(tmpdir(), "voxwire-record-"));
    dirs.push(dir);
    const sim = await simulator("token-first");
    const refusedOut = join(dir, "refused.jsonl");
    const refused = captureIo({ env: { VOXWIRE_KEY: "wrong-key-0000" } });
    expect(await main(["record", "token-first", "--url", sim.url, "--out", refusedOut, "--fast", "--quiet"], refused.io)).toBe(1);
    expect(refused.stdout()).toMatch(/^the session was refused \(bootstrap_failed\); the refusal is recorded: \d+ lines in /);
    expect(refused.stderr()).toMatch(/^voxwire record: the session was refused or failed \(bootstrap_failed\): .*401/);
    expect(refused.stderr()).not.toContain("wrong-key-0000");
    expect(readFileSync(refusedOut, "utf8")).not.toContain("wrong-key-0000");

    const omni = await simulator("omni");
    const closed = captureIo({ env: { VOXWIRE_KEY: "wrong-key-0000" } });
    expect(await main(["record", "omni", "--url", omni.url, "--out", join(dir, "omni.jsonl"), "--fast", "--quiet"], closed.io)).toBe(1);
    expect(closed.stderr()).toMatch(/^voxwire record: the session was refused or failed \(auth_failed\): /);
    expect(closed.stdout()).toMatch(/^the session failed \(auth_failed\); the failure is recorded: /);
    expect(closed.stderr()).toContain("close 4401");
  });
});
