// MEDIA_XOFF / MEDIA_XON through the bridge on a real socket: while the simulated Asterisk says
// stop, nothing is sent; the bridge's bounded queue keeps what it can hold and drops the oldest,
// counted; after MEDIA_XON the rest arrives, in order.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { accept, mulawDecode, mulawEncode, type WebSocketLike } from "@voxwire/core";
import { bridge, type PhoneBridge } from "@voxwire/phone";
import { eventually, FakeAgent } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { asterisk, asteriskFlowSignal } from "../src/index.js";
import { simulateAsteriskCall } from "../src/testing/index.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

/** A server taking one Asterisk media WebSocket and bridging it to `agent`. */
async function serve(agent: FakeAgent) {
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer();
  let resolve!: (b: PhoneBridge) => void;
  const bridged = new Promise<PhoneBridge>((r) => (resolve = r));
  http.on("upgrade", (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => {
      const phone = accept(asterisk(), ws as unknown as WebSocketLike);
      resolve(bridge(phone, agent, { flowSignal: asteriskFlowSignal, leadMs: 2000, maxBufferMs: 400 }));
    }),
  );
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  cleanups.push(async () => {
    for (const c of wss.clients) c.terminate();
    await new Promise<void>((r) => wss.close(() => r()));
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
  });
  return { url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/asterisk/media`, bridged };
}

const value = (i: number) => (i + 1) * 300;
const heardValue = (i: number) => mulawDecode(mulawEncode(Int16Array.of(value(i))))[0];

describe("Asterisk flow control through the bridge", () => {
  it("nothing is sent between MEDIA_XOFF and MEDIA_XON; what the queue cannot hold is dropped oldest-first and counted", async () => {
    const agent = new FakeAgent();
    const { url, bridged } = await serve(agent);
    const sim = simulateAsteriskCall({ url, stop: "manual", playback: "manual", keepAudio: true, flow: { pauseAtMs: 600, resumeBelowMs: 300 } });
    cleanups.push(() => sim.terminate());
    const call = await bridged;
    await eventually(() => call.call !== undefined);
    // One second at once: the bridge runs 2 s ahead, so all of it goes; at 600 ms queued Asterisk says stop.
    for (let i = 0; i < 50; i++) agent.emit({ type: "audio-chunk", audio: new Int16Array(160).fill(value(i)), sampleRate: 8000 });
    await eventually(() => call.stats.carrierPauses === 1);
    await eventually(() => sim.record.received.mediaFrames === 50);
    // Paused: 800 ms more waits in the bridge, whose 400 ms queue keeps the newest 20 frames.
    for (let i = 50; i < 90; i++) agent.emit({ type: "audio-chunk", audio: new Int16Array(160).fill(value(i)), sampleRate: 8000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(sim.record.received.mediaFrames).toBe(50);
    expect(call.stats).toMatchObject({ agentFramesDropped: 20, queuedMs: 400 });
    // Asterisk plays all it holds: its queue falls under 300 ms, it says MEDIA_XON, the bridge's queue drains.
    sim.advance(1000);
    await eventually(() => sim.record.received.mediaFrames === 70);
    const record = sim.record;
    expect(record.flow).toEqual({ pauses: 1, resumes: 1 });
    expect(record.received.dropped).toEqual([]);
    const audio = sim.receivedAudio();
    const firstOf = (frame: number) => audio[frame * 160];
    expect(firstOf(49)).toBe(heardValue(49));
    // After the resume: frames 70–89 (the newest), in order; 50–69 were dropped.
    expect(Array.from({ length: 20 }, (_, k) => firstOf(50 + k))).toEqual(Array.from({ length: 20 }, (_, k) => heardValue(70 + k)));
    await call.close();
  });
});
