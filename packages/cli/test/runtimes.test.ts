// The built @voxwire/core and @voxwire/omni under the other Node majors tests run on (22 and 24,
// installed from the npm registry by scripts/ensure-node.mjs): a session through the runtime's
// global WebSocket to the Omni simulator hears the greeting, is heard, and hears the answer.
// Needs the builds (`npx pnpm@10 test` makes them first); skips with the reason otherwise.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { NODE_RUNTIMES, nodeUnavailable, runUnderNode } from "@voxwire/test-utils";
import { afterAll, describe, expect, it } from "vitest";

const packages = fileURLToPath(new URL("../../", import.meta.url));
const SCRIPT = fileURLToPath(new URL("./fixtures/omni-session-under-node.mjs", import.meta.url));
const unbuilt = ["core", "omni"].filter((name) => !existsSync(`${packages}${name}/dist/index.js`));
const KEY = "pyai_test_runt1meK3y";
const simulators: Simulator[] = [];
afterAll(() => Promise.all(simulators.map((sim) => sim.close())));

describe.concurrent("the built core and omni under other Node majors", () => {
  for (const major of [22, 24]) {
    it(`Node ${major}: a session through the global WebSocket hears the greeting, is heard, and hears the answer`, async (ctx) => {
      if (unbuilt.length > 0) return ctx.skip(`not built: packages/${unbuilt.join(", packages/")}/dist (npx pnpm@10 build)`);
      const unavailable = await nodeUnavailable(major);
      if (unavailable) return ctx.skip(unavailable);
      const sim = await startSimulator({ front: omniFront(), keys: [KEY], fast: true });
      simulators.push(sim);
      const run = await runUnderNode(major, SCRIPT, [sim.url, KEY], { timeoutMs: 30_000 });
      expect(run, run.stderr).toMatchObject({ code: 0, timedOut: false });
      const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
      expect(summary).toMatchObject({
        node: `v${NODE_RUNTIMES[String(major)]}`,
        loaded: { core: pathToFileURL(`${packages}core/dist/index.js`).href, omni: pathToFileURL(`${packages}omni/dist/index.js`).href },
        globalWebSocket: "function",
        agentSaid: ["Hello, how can I help?", "Sure, I can help with that."],
        outputRates: [16000],
        wireInbound: { encoding: "pcm16", sampleRate: 24000 },
      });
      // The clips' lengths (greeting about 1.1 s, answer 1.38 s), resampled from the 24 kHz wire to 16 kHz.
      expect(summary.greetingSamples / 16000).toBeGreaterThan(0.9);
      expect(summary.answerSamples / 16000).toBeGreaterThan(1.2);
      expect(summary.events.map(([type]: [string]) => type)).not.toContain("playback-clear"); // turn-taking, no barge-in
      const [record] = sim.sessions();
      expect(record!.agent.spoke).toEqual(["greeting", "answer"]);
      expect(record!.received.audio.seconds).toBeGreaterThan(2.2); // 1.2 s of silence, the tone, and the 600 ms of silence before the answer
      expect(Object.keys(record!.received.audio.frameSamples)).toEqual(["480"]);
    }, 600_000);
  }
});
