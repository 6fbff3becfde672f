// A call from the Twilio simulator through createPhoneBridge to each agent simulator, over real
// sockets on 127.0.0.1; everything in fast mode.

import { DEFAULT_SIMULATOR_KEY, joinSamples, type Simulator, silence, sine, startSimulator } from "@voxwire/conformance";
import { eventually, syntheticClips } from "@voxwire/test-utils";
import { type BridgeEvent, createPhoneBridge, defaultPacingScheduler, type PhoneBridge, type PhoneBridgeServer } from "@voxwire/twilio";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { afterEach, describe, expect, it } from "vitest";
import { dialectSubject } from "../src/registry.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The agent's wire rate where the dialect lets the client choose it: 8 kHz, else its own. */
function phoneClient(dialect: string, sim: Simulator) {
  const entry = dialectSubject(dialect);
  return entry.client({ url: sim.url, key: DEFAULT_SIMULATOR_KEY, sampleRate: 8000 });
}

async function setUp(dialect: string, options: { bridge?: Partial<Parameters<typeof createPhoneBridge>[0]> } = {}) {
  const sim = await startSimulator({ front: dialectSubject(dialect).front!(), fast: true, clips: syntheticClips(48000) });
  cleanups.push(() => sim.close());
  const calls: PhoneBridge[] = [];
  const events: BridgeEvent[] = [];
  const server: PhoneBridgeServer = await createPhoneBridge({
    agent: phoneClient(dialect, sim),
    port: 0,
    allowUnsigned: true,
    // Fast agents send a whole turn at once; a long lead lets it through without real-time waits.
    leadMs: 10_000,
    // A fast caller sends its whole script before a bootstrapped agent is connected: keep all of it.
    preconnectBufferMs: 10_000,
    agentOptions: { queue: { maxAudioMs: 10_000 } },
    onCall: (call) => {
      calls.push(call);
      call.on("*", (event) => events.push(event));
    },
    ...options.bridge,
  });
  cleanups.push(() => server.close());
  return { sim, server, calls, events, mediaUrl: `ws://127.0.0.1:${server.port}/media` };
}

describe.each(["omni", "omnia", "token-first", "orbitali"])("a phone call bridged to the %s simulator", (dialect) => {
  it("carries audio both ways and ends cleanly when the caller hangs up", async () => {
    const { sim, calls, events, mediaUrl, server } = await setUp(dialect);
    // The caller: silence while the greeting plays, a 1 s utterance, then silence for the answer.
    const audio = joinSamples([silence(8000, 0.4), sine(8000, 1, 220), silence(8000, 0.8)]);
    const call = simulateTwilioCall({ url: mediaUrl, audio, fast: true, tailMs: 200, settleMs: 400, firstReplyMs: 5000, keepAudio: true });
    const record = await call.done;

    // Agent → caller: the greeting and the answer, as 160-byte μ-law media tagged with the streamSid.
    const spoken = syntheticClips(8000);
    expect(record.received.audioMs).toBeGreaterThanOrEqual(spoken.at("greeting", 8000).durationMs + spoken.at("answer", 8000).durationMs);
    expect(Object.keys(record.received.frameBytes)).toEqual(["160"]);
    expect(record.received.dropped).toEqual([]);
    const heardEnergy = call.receivedAudio().reduce((n, s) => n + Math.abs(s), 0);
    expect(heardEnergy).toBeGreaterThan(0);
    // Ledger marks rode behind the audio and came back.
    expect(record.received.marks.length).toBeGreaterThan(0);
    expect(record.received.marks.every((m) => m.echoedAtMs !== undefined)).toBe(true);

    // Caller → agent: the agent heard the whole utterance and answered it.
    const [session] = sim.sessions();
    expect(session!.agent.utterances).toHaveLength(1);
    expect(session!.agent.utterances[0]!.durationMs).toBeGreaterThanOrEqual(900);
    expect(session!.agent.spoke).toEqual(["greeting", "answer"]);
    expect(session!.received.audio.seconds).toBeGreaterThan(2.2);

    const bridge = calls[0]!;
    const ended = await bridge.ended;
    expect(ended).toMatchObject({ reason: "caller-hung-up", leg: "phone" });
    expect(events.filter((e) => e.type === "agent-audio-heard" && e.final).length).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === "error")).toEqual([]);
    // Nothing outlives the call: the agent's socket is closed, no pacing timer is pending.
    await eventually(() => sim.liveSessions().length === 0);
    expect(defaultPacingScheduler().pending).toBe(0);
    expect(server.calls()).toHaveLength(0);
    expect(bridge.stats.agentFramesDropped).toBe(0);
  }, 15_000); // the agent is dialed when the call starts: a bootstrap on a loaded machine takes a while
});

describe("barge-in and the ledger through real sockets (Omni)", () => {
  it("the caller talks over the greeting: Twilio gets clear, and heard audio matches what Twilio played", async () => {
    const { calls, events, mediaUrl } = await setUp("omni");
    // Manual playback: the simulated Twilio plays only when told, so 'heard' is exact.
    const call = simulateTwilioCall({ url: mediaUrl, fast: true, playback: "manual", tailMs: 0, stop: "manual" });
    await call.opened;
    const greetingMs = syntheticClips(8000).at("greeting", 8000).durationMs;
    await eventually(() => call.record.received.audioMs >= greetingMs);
    call.advance(100);
    await eventually(() => events.some((e) => e.type === "agent-audio-heard" && e.heardMs === 100));
    // The caller speaks: the agent's VAD hears it over its greeting and flushes.
    call.sendAudio(sine(8000, 0.2, 220));
    await eventually(() => call.record.received.clears.length === 1);
    const record = call.record;
    expect(record.received.clears[0]).toMatchObject({ playedMs: 100, droppedMs: greetingMs - 100 });
    expect(events.find((e) => e.type === "barge-in")).toMatchObject({ turn: 1 });
    const final = events.find((e) => e.type === "agent-audio-heard" && e.final);
    expect(final).toEqual({ type: "agent-audio-heard", turn: 1, heardMs: 100, sentMs: greetingMs, final: true, interrupted: true });
    // The marks Twilio echoed because of the clear did not count as heard.
    await eventually(() => call.record.received.marks.every((m) => m.echoedAtMs !== undefined));
    const cleared = call.record.received.marks.filter((m) => m.cleared).length;
    expect(cleared).toBeGreaterThan(0);
    // The bridge counts an echo when it reads it, which may be after the simulator sent it.
    await eventually(() => calls[0]!.stats.marksDropped >= cleared);
    expect(calls[0]!.stats.marksDropped).toBe(cleared);
    await call.stop();
    await calls[0]!.ended;
  });

  it("DTMF reaches the agent and the application; the agent's transfer reaches the hook with the callSid", async () => {
    const transfers: unknown[] = [];
    const { sim, calls, events, mediaUrl } = await setUp("omni", { bridge: { onTransfer: (request) => void transfers.push(request) } });
    const call = simulateTwilioCall({
      url: mediaUrl,
      fast: true,
      stop: "manual",
      dtmf: [
        { digit: "4", atMs: 0 },
        { digit: "0", atMs: 20 },
      ],
    });
    await call.opened;
    await eventually(() => transfers.length === 1);
    expect(sim.sessions()[0]!.received.dtmf).toEqual(["4", "0"]);
    expect(events.filter((e) => e.type === "dtmf")).toEqual([
      { type: "dtmf", digit: "4", forwarded: true },
      { type: "dtmf", digit: "0", forwarded: true },
    ]);
    expect(transfers[0]).toMatchObject({ callSid: call.ids.callSid, accountSid: call.ids.accountSid, streamSid: call.ids.streamSid });
    await call.stop();
    expect(await calls[0]!.ended).toMatchObject({ reason: "transferred" });
  });

  it("the agent ends the session: the call is hung up (the stream is closed)", async () => {
    const { sim, calls, mediaUrl } = await setUp("omni");
    const call = simulateTwilioCall({ url: mediaUrl, fast: true, stop: "manual" });
    await call.opened;
    await eventually(() => sim.liveSessions().length === 1);
    sim.liveSessions()[0]!.shutdown();
    const record = await call.done;
    expect(record.close?.by).toBe("application");
    expect(await calls[0]!.ended).toMatchObject({ leg: "agent" });
  });
});
