// The Orbitali adapter through connect(), against the Orbitali simulator with its real clips:
// 16 kHz on the wire going in and 24 kHz coming out, whatever rate the application chose.

import { DEFAULT_SIMULATOR_KEY, joinSamples, type Simulator, type SimulatorOptions, silence, speech, startSimulator } from "@voxwire/conformance";
import {
  BootstrapError,
  type ConnectOptions,
  connect,
  type Dialect,
  type InboundEvent,
  type InboundEventOf,
  type Session,
  TokenExpiredError,
  VoxwireError,
} from "@voxwire/core";
import { connectCollecting, eventually, recordingLogger } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { createOrbitaliSession, type OrbitaliSession, orbitali } from "../src/index.js";
import { type OrbitaliFrontOptions, orbitaliFront, orbitaliSubject } from "../src/testing/index.js";
import { sendInPieces, utterancesMs } from "./orbitali-helpers.js";

const KEY = "orb_live_SimK3y_0123456789abcdef";
const AGENT = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";
const GREETING = "Hello, how can I help?";

let sim: Simulator | undefined;
const open: Session[] = [];
const simLog: string[] = [];

async function start(front: OrbitaliFrontOptions = {}, options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  sim = await startSimulator({ front: orbitaliFront(front), fast: true, keys: [KEY], log: (l) => simLog.push(l), ...options });
  return sim;
}

const viaKey = (s: Simulator): Dialect => orbitali({ apiKey: KEY, agentId: AGENT, baseUrl: s.url });

/** Connects and collects every event; `drained` resolves after session-ended. */
const dial = (dialect: Dialect, options: ConnectOptions = {}) => connectCollecting(dialect, options, open);

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await sim?.close();
  sim = undefined;
  simLog.length = 0;
});

const samplesOf = (chunks: readonly InboundEventOf<"audio-chunk">[]) => chunks.reduce((n, c) => n + c.audio.length, 0);

describe("Orbitali through connect(): 16 kHz in, 24 kHz out", () => {
  it("at the wire rates: the greeting arrives sample for sample, the user's speech is heard, stop ends it", async () => {
    const s = await start();
    const { session, of, drained } = await dial(viaKey(s));
    expect(session.audio.wire).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 },
      inbound: { encoding: "pcm16", sampleRate: 24000 },
    });
    expect(session.audio.input.sampleRate).toBe(16000);
    expect(session.audio.output.sampleRate).toBe(24000);

    await eventually(() => (s.sessions()[0]?.sent.audioSamples ?? 0) > 0);
    const sent = () => s.sessions()[0]!.sent.audioSamples;
    await eventually(() => samplesOf(of("audio-chunk")) === sent());
    expect(new Set(of("audio-chunk").map((c) => c.sampleRate))).toEqual(new Set([24000]));
    expect(of("session-started")).toEqual([expect.objectContaining({ ids: { callId: "call_sim-1" } })]);
    expect(of("transcript-end")[0]).toMatchObject({ role: "agent", text: GREETING });

    // Let the greeting "play" out (the simulator counts in audio time), then speak and pause.
    const user = joinSamples([silence(16000, 1.5), speech(16000), silence(16000, 1)]);
    sendInPieces((a) => session.sendAudio(a), user);
    await eventually(() => (s.sessions()[0]?.agent.utterances.length ?? 0) === 1 && s.sessions()[0]!.agent.spoke.length === 2);
    const record = s.sessions()[0]!;
    expect(record.rates).toEqual({ user: 16000, agent: 24000 });
    expect(Object.keys(record.received.audio.frameSamples)).toEqual(["320"]);
    expect(record.received.binaryFrames).toBe(0);
    expect(record.received.commands.filter((c) => c.type === "error")).toEqual([]);
    expect(record.agent.utterances[0]!.durationMs).toBe(utterancesMs(user, 16000)[0]);
    expect(record.agent.spoke).toEqual(["greeting", "answer"]);
    await eventually(() => of("transcript-end").some((t) => t.role === "user"));
    expect(of("transcript-end").map((t) => t.role)).toEqual(["agent", "user", "agent"]);

    await session.close();
    await drained;
    const ended = s.sessions()[0]!;
    expect(ended.received.commands.map((c) => c.type)).toContain("session-stop");
    expect(ended.close?.code).toBe(1000);
  });

  it("the application at 48 kHz both ways: 16 kHz on the wire in, 24 kHz on the wire out", async () => {
    const s = await start();
    const { session, of } = await dial(viaKey(s), { input: { sampleRate: 48000 }, output: { sampleRate: 48000 } });
    expect(session.audio.wire.outbound.sampleRate).toBe(16000);
    expect(session.audio.wire.inbound.sampleRate).toBe(24000);

    await eventually(() => s.sessions()[0]?.agent.spoke.length === 1 && s.sessions()[0]!.sent.audioSamples > 0);
    const sentAt24k = s.sessions()[0]!.sent.audioSamples;
    // The resampler holds a few ms back until the stream ends; everything else arrives, at 48 kHz.
    await eventually(() => samplesOf(of("audio-chunk")) >= sentAt24k * 2 * 0.97);
    expect(new Set(of("audio-chunk").map((c) => c.sampleRate))).toEqual(new Set([48000]));
    expect(samplesOf(of("audio-chunk"))).toBeLessThanOrEqual(sentAt24k * 2);

    const user = joinSamples([silence(48000, 1.5), speech(48000), silence(48000, 1)]);
    sendInPieces((a) => session.sendAudio(a), user, 4801);
    // The utterance ends 600 ms into the trailing silence; the rest of it may still be in flight.
    await eventually(
      () => (s.sessions()[0]?.agent.utterances.length ?? 0) === 1 && s.sessions()[0]!.received.audio.seconds > user.length / 48000 - 0.1,
    );
    const record = s.sessions()[0]!;
    expect(record.rates.user).toBe(16000);
    expect(Object.keys(record.received.audio.frameSamples)).toEqual(["320"]);
    // The wire carried 16 kHz audio of the same length and speech as the 48 kHz the app sent.
    expect(record.received.audio.seconds).toBeGreaterThan(user.length / 48000 - 0.1);
    expect(record.received.audio.seconds).toBeLessThanOrEqual(user.length / 48000 + 0.02);
    const expected = utterancesMs(user, 48000)[0]!;
    expect(Math.abs(record.agent.utterances[0]!.durationMs - expected)).toBeLessThanOrEqual(40);
  });

  it("barge-in: speech over the greeting → clear → playback-clear", async () => {
    const s = await start();
    const { session, of } = await dial(viaKey(s));
    sendInPieces((a) => session.sendAudio(a), joinSamples([speech(16000), silence(16000, 1)]));
    await eventually(() => of("playback-clear").length === 1);
    expect(s.sessions()[0]!.agent.bargeIns).toBe(1);
    expect(s.sessions()[0]!.sent.events["playback-clear"]).toBe(1);
  });

  it("a session minted by the server helper, then dialed as { session }", async () => {
    let clock = Date.parse("2026-06-24T12:00:00.000Z");
    const s = await start({ now: () => clock });
    const minted = await createOrbitaliSession({ apiKey: KEY, agentId: AGENT, baseUrl: s.url });
    expect(minted).toEqual({
      token: expect.stringMatching(/^orbsess_/),
      expiresAt: "2026-06-24T12:01:00.000Z",
      websocketUrl: `${s.wsUrl}/ws/agents/${AGENT}?token=${encodeURIComponent(minted.token)}`,
      protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 }, outputAudio: { encoding: "pcm16", sampleRate: 24000 } },
    });
    clock += 59_000;
    const { of } = await dial(orbitali({ session: minted }), { now: () => clock });
    await eventually(() => of("audio-chunk").length > 0);
    expect(of("session-started")).toHaveLength(1);
    expect(s.sessions()[0]!.details).toMatchObject({ agentId: AGENT });
  });

  it("the token lifetime is configurable", async () => {
    const clock = Date.parse("2026-06-24T12:00:00.000Z");
    const s = await start({ now: () => clock, tokenTtlMs: 5000 });
    expect((await createOrbitaliSession({ apiKey: KEY, agentId: AGENT, baseUrl: s.url })).expiresAt).toBe("2026-06-24T12:00:05.000Z");
  });
});

describe("Orbitali in the dialect registry", () => {
  it("`voxwire simulate orbitali`'s front and the registry's client talk to each other", async () => {
    sim = await startSimulator({ front: orbitaliFront(), fast: true });
    const { session, of } = await dial(orbitaliSubject.client({ url: sim.url, key: DEFAULT_SIMULATOR_KEY }));
    await eventually(() => of("audio-chunk").length > 0);
    expect(session.dialect).toBe("orbitali");
    expect(sim.sessions()[0]).toMatchObject({
      dialect: "orbitali",
      rates: { user: 16000, agent: 24000 },
      details: { agentId: "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9" },
    });
  });
});

describe("Orbitali through connect(): refused tokens are typed errors", () => {
  const tokenError = (events: readonly InboundEvent[]) => events.find((e): e is InboundEventOf<"error"> => e.type === "error");

  it("a token the server holds expired: TokenExpiredError (token_expired), and the session ends", async () => {
    let clock = Date.now();
    const s = await start({ now: () => clock });
    const minted = await createOrbitaliSession({ apiKey: KEY, agentId: AGENT, baseUrl: s.url });
    clock += 60_001; // only the simulator's clock: the client still believes the token is fresh
    const { session, events, drained } = await dial(orbitali({ session: minted }));
    await drained;
    const error = tokenError(events)!;
    expect(error).toMatchObject({ code: "token_expired", fatal: true, retryable: true });
    expect(error.error).toBeInstanceOf(TokenExpiredError);
    expect(error.error).toMatchObject({ vendorCode: "token_expired" });
    expect(await session.ended).toMatchObject({ reason: "token_expired", code: 4401 });
    expect(s.sessions()[0]).toMatchObject({ state: "refused", close: { code: 4401, reason: "token_expired" } });
    expect(events.filter((e) => e.type === "audio-chunk")).toEqual([]);
  });

  it("a token used twice: the second connection gets TokenExpiredError (token_already_used)", async () => {
    const s = await start();
    const minted = await createOrbitaliSession({ apiKey: KEY, agentId: AGENT, baseUrl: s.url });
    const first = await dial(orbitali({ session: minted }));
    await eventually(() => first.of("session-started").length === 1);
    const second = await dial(orbitali({ session: minted }));
    await second.drained;
    const error = tokenError(second.events)!;
    expect(error.error).toBeInstanceOf(TokenExpiredError);
    expect(error).toMatchObject({ code: "token_expired", error: expect.objectContaining({ vendorCode: "token_already_used" }) });
    expect(first.session.state).toBe("open");
  });

  it("a token unknown to the server: AuthError (token_invalid)", async () => {
    const s = await start();
    const minted = await createOrbitaliSession({ apiKey: KEY, agentId: AGENT, baseUrl: s.url });
    const forged: OrbitaliSession = { ...minted, websocketUrl: minted.websocketUrl.replace(/token=.*/, "token=forged_token_123") };
    const { events, drained } = await dial(orbitali({ session: forged }));
    await drained;
    expect(tokenError(events)).toMatchObject({ code: "auth_failed", error: expect.objectContaining({ vendorCode: "token_invalid" }) });
  });

  it("a session already expired on the client's clock is refused before any socket opens", async () => {
    const s = await start({ now: () => Date.now() - 120_000 });
    const minted = await createOrbitaliSession({ apiKey: KEY, agentId: AGENT, baseUrl: s.url });
    await expect(connect(orbitali({ session: minted }))).rejects.toBeInstanceOf(TokenExpiredError);
    expect(s.sessions()).toEqual([]);
  });
});

describe("Orbitali through connect(): the realtime-sessions call", () => {
  async function refusal(dialect: Dialect): Promise<VoxwireError> {
    try {
      await connect(dialect);
    } catch (error) {
      if (VoxwireError.isInstance(error)) return error;
      throw error;
    }
    throw new Error("expected connect() to fail");
  }

  it("a wrong key is a BootstrapError 401 (invalid_api_key), without the key", async () => {
    const s = await start();
    const error = await refusal(orbitali({ apiKey: "orb_live_wrongK3y_999999", agentId: AGENT, baseUrl: s.url }));
    expect(error).toBeInstanceOf(BootstrapError);
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect((error as BootstrapError).body).toContain("invalid_api_key");
    expect(error.message).not.toContain("wrongK3y");
    expect(s.sessions()).toEqual([]);
  });

  it("an unknown agent is a 404; too many live sessions a retryable 429", async () => {
    const s = await start({}, { agents: [AGENT], maxSessions: 1 });
    expect(await refusal(orbitali({ apiKey: KEY, agentId: "another-agent", baseUrl: s.url }))).toMatchObject({ status: 404 });
    const first = await dial(viaKey(s));
    await eventually(() => first.of("session-started").length === 1);
    expect(await refusal(viaKey(s))).toMatchObject({ status: 429, retryable: true, code: "bootstrap_failed" });
  });
});

describe("Orbitali through connect(): robustness and secrets", () => {
  it("malformed frames are reported and the session goes on", async () => {
    const s = await start({}, { faults: { malformed: true } });
    const { of, session } = await dial(viaKey(s));
    await eventually(() => samplesOf(of("audio-chunk")) > 0 && samplesOf(of("audio-chunk")) === s.sessions()[0]!.sent.audioSamples);
    const errors = of("error");
    expect(errors.map((e) => e.code).sort()).toEqual([
      "invalid_audio",
      "invalid_audio",
      "invalid_audio",
      "protocol_violation",
      "protocol_violation",
      "protocol_violation",
    ]);
    expect(errors.every((e) => !e.fatal)).toBe(true);
    expect(session.state).toBe("open");
  });

  it("no key, token or websocketUrl in any event, error or log line", async () => {
    const s = await start();
    const lines: string[] = [];
    const logger = recordingLogger(lines);
    const minted = await createOrbitaliSession({ apiKey: KEY, agentId: AGENT, baseUrl: s.url });
    const secrets = [KEY, minted.token, encodeURIComponent(minted.token), minted.websocketUrl];

    const first = await dial(orbitali({ session: minted }), { logger });
    await eventually(() => first.of("audio-chunk").length > 0);
    first.session.sendAudio(new Int16Array(1000));
    first.session.sendDtmf("5"); // warns: no DTMF on this wire
    const reused = await dial(orbitali({ session: minted }), { logger });
    await reused.drained;
    await first.session.close();
    const thrown = await connect(orbitali({ session: { ...minted, websocketUrl: minted.websocketUrl.replace(s.wsUrl, "ws://127.0.0.1:9") } }), {
      logger,
    }).catch((error: unknown) => error as VoxwireError);
    expect(thrown).toMatchObject({ code: "network" });

    const texts = [
      ...lines,
      ...simLog,
      ...[...first.events, ...reused.events].map((e) =>
        JSON.stringify(e, (k, v) => (k === "raw" || k === "audio" ? undefined : k === "error" ? String(v) : v)),
      ),
      String((thrown as VoxwireError).message),
      JSON.stringify(thrown),
    ];
    expect(lines.length).toBeGreaterThan(0);
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
