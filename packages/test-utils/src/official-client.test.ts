// installOfficialClient on a fresh machine: no cache folder yet, two callers at once. The package
// is a small one from the npm registry; where the registry cannot be reached the test skips.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { installOfficialClient } from "./official-client.js";

const tmp = mkdtempSync(join(tmpdir(), "voxwire-official-client-"));
const saved = process.env.VOXWIRE_CACHE_DIR;
afterAll(() => {
  if (saved === undefined) delete process.env.VOXWIRE_CACHE_DIR;
  else process.env.VOXWIRE_CACHE_DIR = saved;
  rmSync(tmp, { recursive: true, force: true });
});

describe("installOfficialClient", () => {
  it("installs into a cache folder that does not exist yet, and copies the fixture in", (ctx) => {
    const cache = join(tmp, "no-such-cache"); // the state of a fresh machine
    process.env.VOXWIRE_CACHE_DIR = cache;
    const fixture = join(tmp, "drive.mjs");
    writeFileSync(fixture, "export {};\n");
    const client = installOfficialClient({ name: "is-number", version: "7.0.0", fixture });
    if ("skip" in client) return ctx.skip(client.skip);
    expect(client.script).toBe(join(cache, "clients", "is-number-7.0.0", "drive.mjs"));
    expect(readdirSync(join(cache, "clients"))).toEqual(["is-number-7.0.0"]); // no lock or staging folder left
    // A second caller finds it installed and returns at once.
    expect(installOfficialClient({ name: "is-number", version: "7.0.0", fixture })).toEqual(client);
  }, 240_000);
});
