// After calls end (hang-up, barge-in, agent shutdown, dropped line) and the servers close, no
// socket, server or timer is left in the process.

import { DEFAULT_SIMULATOR_KEY, joinSamples, silence, sine, startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { eventually, syntheticClips } from "@voxwire/test-utils";
import { createPhoneBridge, defaultPacingScheduler } from "@voxwire/twilio";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { describe, expect, it } from "vitest";
import { dialectSubject } from "../src/registry.js";

const WATCHED = ["Timeout", "TCPSocketWrap", "TCPServerWrap", "Immediate"];

function resources(): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(WATCHED.map((k) => [k, 0]));
  for (const kind of process.getActiveResourcesInfo()) if (kind in counts) counts[kind]!++;
  return counts;
}

describe("no socket, timer or listener outlives a call", () => {
  it("four kinds of endings, then the servers close: the process holds what it held before", async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const before = resources();

    const sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(8000) });
    const listenersOnEnd: number[] = [];
    const server = await createPhoneBridge({
      agent: dialectSubject("omni").client({ url: sim.url, key: DEFAULT_SIMULATOR_KEY, sampleRate: 8000 }),
      port: 0,
      allowUnsigned: true,
      preconnectBufferMs: 5000,
      onCall: (call) => {
        void call.ended.then(() => {
          // The bridge drops its own listeners once it has reported the end.
          let n = 0;
          const off = call.on("*", () => n++);
          off();
          listenersOnEnd.push(n);
        });
      },
    });
    const url = `ws://127.0.0.1:${server.port}/media`;

    // 1. The caller speaks and hangs up (real-time pacing on the way back).
    const hangUp = simulateTwilioCall({
      url,
      audio: joinSamples([silence(8000, 0.3), sine(8000, 0.4, 220), silence(8000, 0.7)]),
      fast: true,
      settleMs: 300,
    });
    // 2. The caller barges in over the greeting.
    const bargeIn = simulateTwilioCall({ url, fast: true, playback: "manual", tailMs: 0, stop: "manual" });
    await bargeIn.opened;
    await eventually(() => bargeIn.record.received.audioMs > 0);
    bargeIn.sendAudio(sine(8000, 0.2, 220));
    await eventually(() => bargeIn.record.received.clears.length === 1);
    // 3. The agent goes away mid-call.
    const shutdown = simulateTwilioCall({ url, fast: true, stop: "manual" });
    await shutdown.opened;
    await eventually(() => sim.liveSessions().length >= 2 && server.calls().every((c) => c.agent !== undefined));
    const lastAgent = sim.liveSessions().at(-1)!;
    // 4. The line drops without a stop.
    const dropped = simulateTwilioCall({ url, fast: true, stop: "manual" });
    await dropped.opened;
    await eventually(() => sim.liveSessions().length >= 3);
    lastAgent.shutdown();
    dropped.terminate();
    await Promise.all([hangUp.done, bargeIn.stop(), shutdown.done, dropped.done]);
    await eventually(() => server.calls().length === 0);
    expect(listenersOnEnd).toHaveLength(4);
    expect(defaultPacingScheduler().pending).toBe(0);

    await server.close();
    await sim.close();
    await eventually(() => {
      const now = resources();
      return WATCHED.every((k) => now[k]! <= before[k]!);
    });
    const after = resources();
    for (const kind of WATCHED) expect(after[kind], kind).toBeLessThanOrEqual(before[kind]!);
  });
});
