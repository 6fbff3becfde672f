// The drills under Bun and Deno (scripts/js-runtimes.json, installed from the npm registry with
// their binaries): every dialect through the runtime's own WebSocket, as connect() picks it (the
// header-auth dialect through its `{ headers }` form), the refused dial, the WebAssembly resampler.
import { ensureRuntime, JS_RUNTIMES, matrixCell, runtimeUnavailable, skipCells } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DrillStage, expectRunPassed, startDrillStage } from "./drill-harness.js";
import { runEntry, unbuilt } from "./run-entry.js";

let stage: DrillStage;
beforeAll(async () => {
  stage = await startDrillStage();
});
afterAll(() => stage?.close());

const RUNTIMES = [
  { name: "bun", args: [] },
  // No permission beyond the loopback sockets, the built packages and the environment `ws` reads.
  { name: "deno", args: ["run", "--allow-net=127.0.0.1", "--allow-read", "--allow-env"] },
] as const;

describe.sequential("the drills under Bun and Deno", () => {
  for (const { name, args } of RUNTIMES) {
    it(`${name} ${JS_RUNTIMES[name]}: every dialect converses through the global WebSocket, barges in and closes; a refused dial fails at once`, async (ctx) => {
      matrixCell(ctx, name, "sessions-global", "refused-upgrade", "wasm-resampler", "detect-runtime");
      const missing = unbuilt();
      if (missing) return skipCells(ctx, missing);
      const unavailable = await runtimeUnavailable(name);
      if (unavailable) return skipCells(ctx, unavailable);
      const output = await runEntry(await ensureRuntime(name), args, stage.input("default"));
      expect(output.facts).toMatchObject({ detectedRuntime: name, globalWebSocket: "function", wasmSimd: true, resamplerBackend: "wasm" });
      expectRunPassed(output, stage, ["network", "network"]);
    }, 120_000);
  }
});
