// The Omni adapter through the public session API, against the Omni simulator with its real clips.

import { joinSamples, type Simulator, type SimulatorOptions, silence, sine, startSimulator } from "@voxwire/conformance";
import { AuthError, ConcurrencyLimitError, type ConnectOptions, connect, InvalidRequestError, ScopeError, type Session } from "@voxwire/core";
import { connectCollecting, eventually, recordingLogger } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { omni } from "../src/index.js";
import { omniFront, omniSubject } from "../src/testing/index.js";

const KEY = "pyai_test_C0nnectK3y";
let sim: Simulator | undefined;
const sessions: Session[] = [];

async function start(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  sim = await startSimulator({ front: omniFront(), fast: true, keys: [KEY], ...options });
  return sim;
}

/** Connects through the registry entry, collecting every event. */
const dial = (s: Simulator, options: ConnectOptions = {}, key = KEY) => connectCollecting(omniSubject.client({ url: s.url, key }), options, sessions);

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await sim?.close();
  sim = undefined;
});

const rms = (audio: Int16Array) => Math.sqrt(audio.reduce((sum, s) => sum + (s / 32768) ** 2, 0) / Math.max(1, audio.length));

describe("Omni through connect(): audio", () => {
  it("gets the greeting at the application's rate, resampled from the 24 kHz wire", async () => {
    const s = await start();
    const { session, of } = await dial(s, { output: { sampleRate: 16000 } });
    expect(session.audio.wire.inbound).toEqual({ encoding: "pcm16", sampleRate: 24000, frameMs: 20 });
    await eventually(() => s.sessions()[0]?.agent.spoke.length === 1);
    const sentSeconds = s.sessions()[0]!.sent.audioSamples / 24000;
    expect(sentSeconds).toBeGreaterThan(0.9);
    expect(sentSeconds).toBeLessThan(1.5);
    // The resampler holds a few ms back until the stream ends; everything else arrives.
    await eventually(() => of("audio-chunk").reduce((n, c) => n + c.audio.length, 0) >= sentSeconds * 16000 * 0.97);
    const chunks = of("audio-chunk");
    expect(new Set(chunks.map((c) => c.sampleRate))).toEqual(new Set([16000]));
    const audio = joinSamples(chunks.map((c) => c.audio));
    expect(rms(audio)).toBeGreaterThan(0.03); // speech, not silence
    expect(of("session-accepted")).toHaveLength(1);
    expect(of("session-started")[0]).toMatchObject({ ids: { session_id: "sim-1" } });
    expect(of("transcript-end")[0]).toMatchObject({ role: "agent", text: "Hello, how can I help?" });
  });

  it("delivers the user's audio to the simulator at the wire rate in 20 ms frames", async () => {
    const s = await start();
    const { session } = await dial(s, { input: { sampleRate: 48000 } });
    const user = sine(48000, 1, 220);
    for (let i = 0; i < user.length; i += 1000) session.sendAudio(user.subarray(i, i + 1000)); // odd chunks on purpose
    await eventually(() => (s.sessions()[0]?.received.audio.seconds ?? 0) >= 0.96);
    const received = s.sessions()[0]!.received.audio;
    expect(s.sessions()[0]!.rates.user).toBe(24000);
    expect(Object.keys(received.frameSamples)).toEqual(["480"]);
    expect(received.seconds).toBeLessThanOrEqual(1);
  });

  it("runs at 8 kHz, the phone-bridge rate, with 160-sample frames both ways and no resampling", async () => {
    const s = await start();
    const session = await connect(omniSubject.client({ url: s.url, key: KEY, sampleRate: 8000 }));
    sessions.push(session);
    const chunks: Int16Array[] = [];
    session.on("audio-chunk", (e) => {
      expect(e.sampleRate).toBe(8000);
      chunks.push(e.audio);
    });
    session.sendAudio(silence(8000, 0.2));
    await eventually(() => (s.sessions()[0]?.received.audio.frames ?? 0) === 10);
    expect(s.sessions()[0]!.received.audio.frameSamples).toEqual({ 160: 10 });
    s.liveSessions()[0]!.inject({ type: "audio-chunk", audio: new Int16Array(160).fill(1000), sampleRate: 8000 });
    await eventually(() => chunks.length > 0);
    expect(chunks.at(-1)).toHaveLength(160);
  });

  it("barge-in: talking over the greeting yields playback-clear", async () => {
    const s = await start();
    const { session, of } = await dial(s);
    session.sendAudio(sine(24000, 0.2, 220));
    await eventually(() => of("playback-clear").length === 1);
    expect(s.sessions()[0]!.agent.bargeIns).toBe(1);
  });

  it("answers an utterance after the silence, with transcripts both ways", async () => {
    const s = await start();
    const { session, of } = await dial(s);
    session.sendAudio(joinSamples([silence(24000, 1.3), sine(24000, 1.4, 220), silence(24000, 0.7)]));
    await eventually(() => of("transcript-end").length === 3);
    expect(of("transcript-end").map((t) => [t.role, t.text])).toEqual([
      ["agent", "Hello, how can I help?"],
      ["user", "[speech 1.4 s]"],
      ["agent", "Sure, I can help with that."],
    ]);
    expect(of("playback-clear")).toEqual([]);
  });
});

describe("Omni through connect(): DTMF and agent events", () => {
  it("DTMF travels both ways, and 0 brings a transfer request", async () => {
    const s = await start();
    const { session, of } = await dial(s);
    session.sendDtmf("5");
    session.sendDtmf("0");
    await eventually(() => of("transfer-requested").length === 1);
    expect(s.sessions()[0]!.received.dtmf).toEqual(["5", "0"]);
    s.liveSessions()[0]!.inject({ type: "dtmf-received", digit: "#" });
    await eventually(() => of("dtmf-received").length === 1);
    expect(of("dtmf-received")[0]).toMatchObject({ digit: "#", raw: '{"type":"dtmf","digit":"#"}' });
  });

  it("a mid-call shutdown yields session-ending, then an ended session", async () => {
    const s = await start({ faults: { shutdownAfterMs: 0 } });
    const { session, of, drained } = await dial(s);
    await drained;
    const ended = await session.ended;
    expect(of("session-ending")[0]).toMatchObject({ reason: "server_shutdown" });
    expect(ended).toMatchObject({ type: "session-ended", code: 1001 });
  });

  it("malformed frames become non-fatal errors and the greeting still arrives", async () => {
    const s = await start({ faults: { malformed: true } });
    const { of } = await dial(s);
    await eventually(() => of("transcript-end").length === 1 && of("audio-chunk").length > 10);
    expect(of("error").map((e) => [e.code, e.fatal])).toEqual([
      ["protocol_violation", false],
      ["protocol_violation", false],
      ["protocol_violation", false],
      ["invalid_audio", false],
    ]);
  });
});

describe("Omni through connect(): typed failures", () => {
  it("close 4401: a fatal AuthError", async () => {
    const s = await start();
    const { session, of, drained } = await dial(s, {}, "pyai_test_WrongK3y");
    await drained;
    const ended = await session.ended;
    expect(of("error")[0]?.error).toBeInstanceOf(AuthError);
    expect(of("error")[0]).toMatchObject({ fatal: true, retryable: false });
    expect(ended).toMatchObject({ code: 4401, reason: "auth_failed" });
  });

  it("close 4403: a ScopeError that names omni:session", async () => {
    const s = await start({ keysWithoutScope: ["pyai_test_NoScope"] });
    const { of, drained } = await dial(s, {}, "pyai_test_NoScope");
    await drained;
    const error = of("error")[0]!.error!;
    expect(error).toBeInstanceOf(ScopeError);
    expect(error.message).toContain("omni:session");
  });

  it("HTTP 429 at the upgrade: connect() rejects with a retryable ConcurrencyLimitError", async () => {
    const s = await start({ maxSessions: 1 });
    await dial(s);
    const refused = connect(omniSubject.client({ url: s.url, key: KEY }));
    await expect(refused).rejects.toBeInstanceOf(ConcurrencyLimitError);
    await expect(refused).rejects.toMatchObject({ retryable: true, vendorCode: "concurrency_limit_exceeded" });
  });

  it("HTTP 400 invalid_agent_id at the upgrade: connect() rejects with an InvalidRequestError", async () => {
    const s = await start({ agents: ["agent_123"] });
    const refused = connect(omni({ agentId: "agent_404", apiKey: KEY, rate: 16000, baseUrl: s.url }));
    await expect(refused).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(refused).rejects.toMatchObject({ vendorCode: "invalid_agent_id" });
  });

  it("no key reaches an error, an event or a log line, on either side", async () => {
    const secret = "pyai_test_Sup3rS3cretValue";
    const lines: string[] = [];
    const logger = recordingLogger(lines);
    const s = await start({ maxSessions: 1, log: (line) => lines.push(line) });
    const { events, drained } = await dial(s, { logger }, secret);
    await drained;
    await expect(connect(omniSubject.client({ url: s.url, key: KEY }), { logger })).resolves.toBeDefined();
    const busy = await connect(omniSubject.client({ url: s.url, key: secret }), { logger }).catch((error: Error) => error);
    const texts = [
      ...lines,
      ...events.map((e) => (e.type === "error" ? `${e.message} ${JSON.stringify(e.error)} ${e.error?.stack}` : "")),
      `${(busy as Error).message} ${JSON.stringify(busy)} ${(busy as Error).stack}`,
      JSON.stringify(s.sessions()),
    ];
    for (const text of texts) expect(text).not.toContain("Sup3rS3cret");
  });
});
