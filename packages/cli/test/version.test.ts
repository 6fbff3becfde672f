// `voxwire --version` (-V): the CLI package's version, read from its package.json at run time.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { captureIo } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { main } from "../src/main.js";

describe("--version", () => {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };

  it("prints the CLI package's version, as --version and -V", async () => {
    for (const flag of ["--version", "-V"]) {
      const cli = captureIo();
      expect(await main([flag], cli.io)).toBe(0);
      expect(cli.stdout()).toBe(`${manifest.version}\n`);
      expect(cli.stderr()).toBe("");
    }
    const help = captureIo();
    await main(["--help"], help.io);
    expect(help.stdout()).toContain("voxwire --version");
  });

  it("from the workspace launcher (sources through tsx)", () => {
    const launcher = fileURLToPath(new URL("../../dev-launcher/voxwire.mjs", import.meta.url));
    const run = spawnSync(process.execPath, [launcher, "--version"], { encoding: "utf8", timeout: 20_000 });
    expect(run.stdout).toBe(`${manifest.version}\n`);
    expect(run.status).toBe(0);
  }, 30_000);

  // The bundle reads the same package.json (one folder up from dist/ as from src/). Only once
  // it is built from the current sources: a stale dist/ would test an older CLI.
  const dist = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
  const mainTs = fileURLToPath(new URL("../src/main.ts", import.meta.url));
  const built = existsSync(dist) && statSync(dist).mtimeMs >= statSync(mainTs).mtimeMs;
  it.skipIf(!built)("from the built bundle, dist/cli.js (skipped until dist/ is built from these sources)", () => {
    const run = spawnSync(process.execPath, [dist, "--version"], { encoding: "utf8", timeout: 20_000 });
    expect(run.stdout).toBe(`${manifest.version}\n`);
    expect(run.status).toBe(0);
  });
});
