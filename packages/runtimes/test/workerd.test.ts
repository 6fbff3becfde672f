// The drills inside workerd, through Miniflare (scripts/js-runtimes.json, from the npm registry):
// the worker entry bundled as wrangler bundles a Worker (the `workerd` export condition, so core's
// kernel arrives as an imported `.wasm` module), with and without `nodejs_compat`. Every dialect:
// subprotocol and bootstrap auth through `new WebSocket`, header auth through `fetch` with
// `Upgrade: websocket`; the refused dial; the resampler on WebAssembly SIMD; detectRuntime().
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureRuntime, JS_RUNTIMES, matrixCell, runtimeUnavailable, skipCells } from "@voxwire/test-utils";
import { build, type Plugin } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DrillOutput } from "../src/index.js";
import { type DrillStage, expectRunPassed, startDrillStage } from "./drill-harness.js";
import { unbuilt } from "./run-entry.js";

const ENTRY = fileURLToPath(new URL("../dist/entry-worker.js", import.meta.url));
/** Within what workerd 2026-04-26 (Miniflare's) supports; late enough that `nodejs_compat` sets `process.versions.node`. */
const COMPATIBILITY_DATE = "2026-04-01";

interface MiniflareLike {
  dispatchFetch(url: string, init: { method: string; body: string }): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}

/** The worker and the `.wasm` files it imports, as wrangler would upload them. */
async function bundleWorker(): Promise<{ worker: string; wasm: Map<string, Uint8Array> }> {
  const wasm = new Map<string, Uint8Array>();
  const collectWasm: Plugin = {
    name: "collect-wasm",
    setup(builder) {
      builder.onResolve({ filter: /\.wasm$/ }, (args) => {
        const name = args.path.split("/").at(-1)!;
        wasm.set(name, readFileSync(join(args.resolveDir, args.path)));
        return { path: `./${name}`, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    target: "es2022",
    plugins: [collectWasm],
    logLevel: "silent",
  });
  return { worker: result.outputFiles[0]!.text, wasm };
}

let stage: DrillStage;
beforeAll(async () => {
  stage = await startDrillStage();
});
afterAll(() => stage?.close());

describe.sequential(`the drills inside workerd (Miniflare ${JS_RUNTIMES.miniflare})`, () => {
  for (const flags of [[], ["nodejs_compat"]]) {
    it(`${flags.length === 0 ? "without" : "with"} nodejs_compat: every dialect converses, barges in and closes, header auth through fetch; the kernel is the imported .wasm; detected as a Worker`, async (ctx) => {
      matrixCell(ctx, "workerd", "sessions-global", "sessions-fetch-upgrade", "refused-upgrade", "wasm-resampler", "detect-runtime");
      const missing = unbuilt();
      if (missing) return skipCells(ctx, missing);
      const unavailable = await runtimeUnavailable("miniflare");
      if (unavailable) return skipCells(ctx, unavailable);
      const { Miniflare } = (await import(pathToFileURL(await ensureRuntime("miniflare")).href)) as {
        Miniflare: new (options: Record<string, unknown>) => MiniflareLike;
      };
      const { worker, wasm } = await bundleWorker();
      expect([...wasm.keys()]).toEqual(["resampler-kernel.wasm"]); // from core's `workerd` build
      expect(worker).not.toContain("AGFzbQ"); // and not the base64 bytes workerd refuses to compile
      const mf = new Miniflare({
        compatibilityDate: COMPATIBILITY_DATE,
        compatibilityFlags: flags,
        modules: [
          { type: "ESModule", path: "worker.mjs", contents: worker },
          ...[...wasm].map(([path, contents]) => ({ type: "CompiledWasm", path, contents })),
        ],
      });
      try {
        const response = await mf.dispatchFetch("http://localhost/", { method: "POST", body: JSON.stringify(stage.input("default")) });
        const text = await response.text();
        expect(response.status, text).toBe(200);
        const output = JSON.parse(text) as DrillOutput;
        // A server, not "node" (which would reach for `ws`) nor a browser's "worker" (which refuses secret keys).
        expect(output.facts).toMatchObject({ detectedRuntime: "unknown", cloudflareWorkers: true, wasmSimd: true, resamplerBackend: "wasm" });
        expectRunPassed(output, stage, ["network", "invalid_request"]);
      } finally {
        await mf.dispose();
      }
    }, 120_000);
  }
});
