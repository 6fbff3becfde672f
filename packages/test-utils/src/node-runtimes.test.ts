// ensureNode and runUnderNode with the pinned Node 22 (scripts/node-runtimes.json), and
// scripts/ensure-node.mjs on its own: concurrent callers, an unreachable registry, a bad major.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureNode, NODE_RUNTIMES, nodeUnavailable, runUnderNode } from "./node-runtimes.js";

const SCRIPT = fileURLToPath(new URL("../../../scripts/ensure-node.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "voxwire-ensure-node-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the script itself, with `env` added (a private cache folder, another registry). */
function ensureScript(major: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, major], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 300_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let unavailable: string | undefined;
beforeAll(async () => {
  unavailable = await nodeUnavailable(22);
}, 600_000);

describe("ensureNode and runUnderNode", () => {
  it("installs the pinned Node 22 once; a second call returns the same binary at once", async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const bin = await ensureNode(22);
    expect(bin).toMatch(/node-22\.\d+\.\d+[/\\]/);
    const started = performance.now();
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) =>
      execFile(process.execPath, [SCRIPT, "22"], { encoding: "utf8" }, (error, out) => resolve({ code: error ? 1 : 0, stdout: out })),
    );
    expect(performance.now() - started).toBeLessThan(5_000);
    expect({ code, path: stdout.trim() }).toEqual({ code: 0, path: bin });
  });

  it("runs a script under it, with its exit code, stdout and stderr", async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const script = join(tmp, "report.mjs");
    writeFileSync(
      script,
      "console.log(JSON.stringify({ version: process.version, ws: typeof WebSocket, args: process.argv.slice(2) }));\nconsole.error('to stderr');\nprocess.exitCode = 3;\n",
    );
    const result = await runUnderNode(22, script, ["a", "b"]);
    expect(result).toMatchObject({ code: 3, signal: null, timedOut: false, stderr: "to stderr\n" });
    expect(JSON.parse(result.stdout)).toEqual({ version: `v${NODE_RUNTIMES["22"]}`, ws: "function", args: ["a", "b"] });
  });

  it("kills a script that outlives its timeout", async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const script = join(tmp, "hang.mjs");
    writeFileSync(script, "console.log('started'); setInterval(() => {}, 1000);\n");
    const result = await runUnderNode(22, script, [], { timeoutMs: 1_000 });
    expect(result).toMatchObject({ code: null, signal: "SIGKILL", timedOut: true, stdout: "started\n" });
  });

  it("rejects a major with no pinned version, naming the ones there are", async () => {
    await expect(ensureNode(19)).rejects.toThrow(/no pinned version for Node 19: scripts\/node-runtimes\.json lists 22, 24/);
  });
});

describe("scripts/ensure-node.mjs", () => {
  it("two callers at once into an empty cache: one installs, both get the same verified binary", async (ctx) => {
    if (unavailable) return ctx.skip(unavailable); // the npm cache now holds the tarballs: no second download
    const cache = join(tmp, "shared-cache");
    const [a, b] = await Promise.all([ensureScript("22", { VOXWIRE_CACHE_DIR: cache }), ensureScript("22", { VOXWIRE_CACHE_DIR: cache })]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout).toBe(b.stdout);
    expect(`${a.stderr}${b.stderr}`.match(/installing node@/g)).toHaveLength(1);
    expect(readdirSync(join(cache, "runtimes"))).toEqual([`node-${NODE_RUNTIMES["22"]}`]); // no staging folder or lock left
  }, 300_000);

  it("an unreachable registry fails in seconds with one line saying so", async () => {
    const result = await ensureScript("22", {
      VOXWIRE_CACHE_DIR: join(tmp, "offline-cache"),
      npm_config_cache: join(tmp, "empty-npm-cache"), // nothing to install offline from
      npm_config_registry: "http://127.0.0.1:9/",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^ensure-node: the npm registry \(http:\/\/127\.0\.0\.1:9\/\) is unreachable \(ECONNREFUSED\), so node@22\.\d+\.\d+ cannot be installed$/m,
    );
  }, 120_000);
});
