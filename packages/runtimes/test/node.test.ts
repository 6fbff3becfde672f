// The drills under the machine's Node and the pinned Node 22 and 24 (scripts/node-runtimes.json,
// installed from the npm registry): every dialect through `ws` and, where the runtime has one
// (Node ≥ 22), through its global WebSocket; the refused dial; the WebAssembly resampler.
import { ensureNode, matrixCell, NODE_RUNTIMES, nodeColumn, nodeUnavailable, skipCells } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DrillInput } from "../src/index.js";
import { type DrillStage, expectRunPassed, startDrillStage } from "./drill-harness.js";
import { runEntry, unbuilt } from "./run-entry.js";

let stage: DrillStage;
beforeAll(async () => {
  stage = await startDrillStage();
});
afterAll(() => stage?.close());

const NODES = [
  { major: Number.parseInt(process.versions.node, 10), pinned: false },
  ...Object.keys(NODE_RUNTIMES).map((major) => ({ major: Number(major), pinned: true })),
];

describe.sequential("the drills under Node", () => {
  for (const { major, pinned } of NODES) {
    for (const transport of ["ws", "global"] as const) {
      const runtime = nodeColumn(String(major));
      it(`Node ${major}${pinned ? "" : " (this machine's)"}, through ${transport === "ws" ? "`ws`" : "the global WebSocket"}: every dialect converses, barges in and closes; a refused dial fails at once`, async (ctx) => {
        matrixCell(
          ctx,
          runtime,
          transport === "ws" ? "sessions-ws" : "sessions-global",
          ...(transport === "ws" ? (["wasm-resampler", "detect-runtime"] as const) : []),
          "refused-upgrade",
        );
        const missing = unbuilt();
        if (missing) return skipCells(ctx, missing);
        const unavailable = pinned ? await nodeUnavailable(major) : undefined;
        if (unavailable) return skipCells(ctx, unavailable);
        const bin = pinned ? await ensureNode(major) : process.execPath;
        if (transport === "global" && major < 22) return skipCells(ctx, `Node ${major} has no global WebSocket`);
        const output = await runEntry(bin, [], stage.input(transport as DrillInput["transport"]));
        expect(output.facts).toMatchObject({ detectedRuntime: "node", cloudflareWorkers: false, wasmSimd: true, resamplerBackend: "wasm" });
        expectRunPassed(output, stage, transport === "ws" ? ["invalid_request", "invalid_request"] : ["network", "network"]);
      }, 120_000);
    }
  }
});
