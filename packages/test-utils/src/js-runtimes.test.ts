// ensureRuntime with the pins of scripts/js-runtimes.json, and scripts/ensure-runtime.mjs on its
// own: what it prints, an unknown name, an unreachable registry.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ensureRuntime, JS_RUNTIMES, runtimeUnavailable } from "./js-runtimes.js";
import { runProcess } from "./node-runtimes.js";

const SCRIPT = fileURLToPath(new URL("../../../scripts/ensure-runtime.mjs", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "voxwire-ensure-runtime-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function ensureScript(name: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, name], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("ensureRuntime", () => {
  for (const name of ["bun", "deno"] as const) {
    it(`${name}: the binary it returns reports the pinned version`, async (ctx) => {
      const unavailable = await runtimeUnavailable(name);
      if (unavailable) return ctx.skip(unavailable);
      const run = await runProcess(await ensureRuntime(name), ["--version"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(JS_RUNTIMES[name]);
    });
  }

  it("miniflare: the module it returns exports Miniflare", async (ctx) => {
    const unavailable = await runtimeUnavailable("miniflare");
    if (unavailable) return ctx.skip(unavailable);
    const module = (await import(await ensureRuntime("miniflare"))) as { Miniflare?: unknown };
    expect(typeof module.Miniflare).toBe("function");
  });
});

describe("scripts/ensure-runtime.mjs", () => {
  it("refuses a runtime it has no pin for, naming the ones it has", async () => {
    const result = await ensureScript("nodejs");
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toBe('ensure-runtime: no pinned runtime "nodejs": scripts/js-runtimes.json lists bun, deno, miniflare\n');
  });

  it("an unreachable registry fails in seconds with one line saying so", async () => {
    const result = await ensureScript("bun", {
      VOXWIRE_CACHE_DIR: join(tmp, "offline-cache"),
      npm_config_cache: join(tmp, "empty-npm-cache"), // nothing to install offline from
      npm_config_registry: "http://127.0.0.1:9/",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      new RegExp(
        `^ensure-runtime: the npm registry \\(http://127\\.0\\.0\\.1:9/\\) is unreachable \\(ECONNREFUSED\\), so bun@${JS_RUNTIMES.bun.replaceAll(".", "\\.")} cannot be installed$`,
        "m",
      ),
    );
  }, 120_000);
});
