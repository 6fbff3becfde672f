// Vonage without notify: the leg declares no marks, so the bridge estimates what the caller
// heard from its pacing clock and says so; with notify it is acknowledged.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { accept, type WebSocketLike } from "@voxwire/core";
import { type AgentAudioHeard, bridge, type PhoneBridge } from "@voxwire/phone";
import { eventually, FakeAgent } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer } from "ws";
import { vonage } from "../src/index.js";
import { simulateVonageCall } from "../src/testing/index.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

async function call(notify: boolean) {
  const agent = new FakeAgent({ input: 16000, output: 16000 });
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer();
  let resolve!: (b: PhoneBridge) => void;
  const bridged = new Promise<PhoneBridge>((r) => (resolve = r));
  http.on("upgrade", (req, socket, head) =>
    wss.handleUpgrade(req, socket, head, (ws) => resolve(bridge(accept(vonage({ notify }), ws as unknown as WebSocketLike), agent))),
  );
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  cleanups.push(async () => {
    for (const c of wss.clients) c.terminate();
    await new Promise<void>((r) => wss.close(() => r()));
    http.closeAllConnections();
    await new Promise<void>((r) => http.close(() => r()));
  });
  const sim = simulateVonageCall({
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}/vonage/media`,
    fast: true,
    stop: "manual",
    playback: "instant",
  });
  cleanups.push(() => sim.terminate());
  const b = await bridged;
  const heard: AgentAudioHeard[] = [];
  b.on("agent-audio-heard", (e) => heard.push(e));
  await eventually(() => b.call !== undefined);
  for (let i = 0; i < 10; i++) agent.emit({ type: "audio-chunk", audio: new Int16Array(320).fill(500), sampleRate: 16000 });
  return { b, sim, heard };
}

describe("the ledger on Vonage", () => {
  it("with notify, heard audio is acknowledged by websocket:notify", async () => {
    const { b, sim, heard } = await call(true);
    await eventually(() => heard.some((e) => e.heardMs === 200));
    expect(b.heardSource).toBe("acknowledged");
    expect(heard.every((e) => e.heardSource === undefined)).toBe(true);
    expect(sim.record.received.marks.length).toBeGreaterThan(0);
  });

  it("without notify, nothing is asked of Vonage and heard audio is estimated from the clock, marked so", async () => {
    const { b, sim, heard } = await call(false);
    await eventually(() => heard.some((e) => e.heardMs === 200));
    expect(b.heardSource).toBe("estimated");
    expect(heard.every((e) => e.heardSource === "estimated")).toBe(true);
    expect(sim.record.received.marks).toEqual([]);
  });
});
