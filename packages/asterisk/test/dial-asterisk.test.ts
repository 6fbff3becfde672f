// The other direction: Asterisk waits at /media/<connection id> (Dial(WebSocket/INCOMING/…)) and
// the application dials it; the call is bridged as when Asterisk dials us.
import { eventually, FakeAgent } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { dialAsterisk } from "../src/index.js";
import { serveAsteriskMedia } from "../src/testing/index.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanups.splice(0).reverse()) await step();
});

describe("dialAsterisk", () => {
  it("connects to Asterisk's media URL with the media subprotocol and bridges both ways", async () => {
    const pbx = await serveAsteriskMedia({
      format: "slin16",
      fast: true,
      stop: "manual",
      playback: "instant",
      keepAudio: true,
      dtmf: [{ digit: "7", atMs: 0 }],
    });
    cleanups.push(() => pbx.close());
    const agent = new FakeAgent({ input: 16000, output: 16000 });
    const call = await dialAsterisk({ url: pbx.url, connectionId: pbx.connectionId, format: "slin16", agent });
    const sim = await pbx.call;
    await eventually(() => call.call !== undefined);
    expect(call.call).toMatchObject({ carrier: "asterisk", callId: sim.ids.callId, streamId: sim.ids.streamId });
    sim.sendAudio(new Int16Array(320).fill(900));
    await eventually(() => agent.received.length > 0 && agent.dtmf.includes("7"));
    for (let i = 0; i < 5; i++) agent.emit({ type: "audio-chunk", audio: new Int16Array(320).fill(1200), sampleRate: 16000 });
    await eventually(() => sim.record.received.mediaFrames === 5 && sim.record.received.marks.length > 0);
    expect(sim.record.received.frameBytes).toEqual({ 640: 5 });
    await eventually(() => call.stats.marksHeard > 0);
    // The agent ends: the leg sends HANGUP and closes, and the call is over.
    agent.emit({ type: "session-ended", reason: "closed", code: 1000 });
    expect(await call.ended).toMatchObject({ reason: "agent-ended" });
    await eventually(() => sim.record.received.other.some((o) => o.event === "session-stop"));
  });
});
