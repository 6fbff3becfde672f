// The call-create adapter through the public session API, against its simulator (fast mode).

import { joinSamples, type Simulator, type SimulatorOptions, silence, sine, startSimulator } from "@voxwire/conformance";
import { BootstrapError, type ConnectOptions, connect, type Dialect, type Session, TokenExpiredError } from "@voxwire/core";
import { connectCollecting, eventually, recordingLogger, rejection } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { omnia, ULTRAVOX_PRESET, ultravox } from "../src/index.js";
import { type OmniaFrontOptions, omniaFront, omniaSubject } from "../src/testing/index.js";

const KEY = "omnia_C0nnectK3y_0123456789";
let sim: Simulator | undefined;
const sessions: Session[] = [];

async function start(front: OmniaFrontOptions = {}, options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  sim = await startSimulator({ front: omniaFront(front), fast: true, keys: [KEY], ...options });
  return sim;
}

/** Connects and collects every event until the session ends. */
const dial = (dialect: Dialect, options: ConnectOptions = {}) => connectCollecting(dialect, options, sessions);

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await sim?.close();
  sim = undefined;
});

/** Silence while the 1.1 s greeting plays (audio time), a 1 s utterance, then silence for the answer to play out. */
const userTurn = (rate: number) => joinSamples([silence(rate, 1.3), sine(rate, 1, 220), silence(rate, 0.7), silence(rate, 3)]);

describe.each([48000, 16000])("Omnia through connect() at %i Hz", (rate) => {
  it("creates the call, gets the greeting, and has a full turn with state, transcripts and audio", async () => {
    const s = await start();
    const { session, of, events } = await dial(omniaSubject.client({ url: s.url, key: KEY, sampleRate: rate }));
    expect(session.audio.wire).toEqual({
      outbound: { encoding: "pcm16", sampleRate: rate, frameMs: 10 },
      inbound: { encoding: "pcm16", sampleRate: rate },
    });
    await eventually(() => of("transcript-end").some((e) => e.role === "agent"));
    expect(of("session-started")[0]!.ids.callId).toMatch(/^[0-9a-f-]{36}$/);
    const greeting = of("transcript-delta").filter((e) => e.role === "agent");
    expect(greeting.map((e) => e.delta).join("")).toBe("Hello, how can I help?");
    expect(greeting.at(-1)!.text).toBe("Hello, how can I help?");
    expect(of("transcript-end")[0]).toMatchObject({ role: "agent", text: "Hello, how can I help?" });

    session.sendAudio(userTurn(rate));
    await eventually(() => of("agent-state").length >= 6);
    expect(of("agent-state").map((e) => e.state)).toEqual(["listening", "speaking", "listening", "thinking", "speaking", "listening"]);
    expect(of("transcript-end").map((e) => [e.role, e.text])).toEqual([
      ["agent", "Hello, how can I help?"],
      ["user", "[speech 1.0 s]"],
      ["agent", "Sure, I can help with that."],
    ]);
    expect(of("playback-clear")).toHaveLength(0);
    expect(of("error")).toHaveLength(0);

    // The answer starts 600 ms into the trailing silence; the rest of the turn may still be in flight.
    await eventually(() => s.sessions()[0]!.received.audio.samples === userTurn(rate).length);
    const record = s.sessions()[0]!;
    expect(record.rates).toEqual({ user: rate, agent: rate });
    expect(record.received.audio.frameSamples).toEqual({ [rate / 100]: userTurn(rate).length / (rate / 100) });
    const agentSamples = of("audio-chunk").reduce((n, c) => n + c.audio.length, 0);
    await eventually(() => of("audio-chunk").reduce((n, c) => n + c.audio.length, 0) === record.sent.audioSamples);
    expect(agentSamples).toBeGreaterThan(rate); // greeting and answer: more than a second
    expect(new Set(of("audio-chunk").map((c) => c.sampleRate))).toEqual(new Set([rate]));
    expect(events.map((e) => e.type)).not.toContain("passthrough");
  });
});

describe("Omnia through connect(): rates, statuses and failures", () => {
  it("runs different input and output rates", async () => {
    const s = await start();
    const { session, of } = await dial(omnia({ apiKey: KEY, agentId: "a1", inputSampleRate: 16000, outputSampleRate: 44100, baseUrl: s.url }));
    await eventually(() => of("transcript-end").length > 0);
    session.sendAudio(sine(16000, 0.2, 220));
    await eventually(() => (s.sessions()[0]?.received.audio.samples ?? 0) >= 3200);
    expect(s.sessions()[0]!.rates).toEqual({ user: 16000, agent: 44100 });
    expect(s.sessions()[0]!.received.audio.frameSamples).toEqual({ 160: 20 });
    await eventually(() => of("audio-chunk").length > 0);
    expect(of("audio-chunk")[0]!.sampleRate).toBe(44100);
  });

  it.each([200, 201] as const)("accepts a call created with HTTP %i", async (createStatus) => {
    const s = await start({ createStatus });
    const { of } = await dial(omnia({ apiKey: KEY, agentId: "a1", inputSampleRate: 24000, baseUrl: s.url }));
    await eventually(() => of("session-started").length === 1);
    expect(s.sessions()[0]!.details.createStatus).toBe(createStatus);
  });

  it("a refused key is a BootstrapError with status 401 and the body, never the key", async () => {
    const s = await start();
    const error = await rejection(connect(omnia({ apiKey: "omnia_wrong_K3y_value", agentId: "a1", inputSampleRate: 16000, baseUrl: s.url })));
    expect(error).toBeInstanceOf(BootstrapError);
    expect(error).toMatchObject({ status: 401, retryable: false });
    expect((error as BootstrapError).body).toContain("invalid or missing X-API-Key");
    expect(JSON.stringify(error) + error.message + String(error.stack)).not.toContain("omnia_wrong_K3y_value");
    expect(s.sessions()).toHaveLength(0);
  });

  it("an unknown agent is a BootstrapError 404 with the vendor's body", async () => {
    const s = await start({}, { agents: ["a1"] });
    const error = await rejection(connect(omnia({ apiKey: KEY, agentId: "nobody", inputSampleRate: 16000, baseUrl: s.url })));
    expect(error).toMatchObject({ status: 404, code: "bootstrap_failed" });
    expect((error as BootstrapError).body).toContain("agent_not_found");
  });

  it("a socket URL used once is refused the second time: TokenExpiredError, no URL in the message", async () => {
    const s = await start();
    const created = await fetch(`${s.url}/api/v1/calls/create`, {
      method: "POST",
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      body: JSON.stringify({ agentId: "a1", connectionType: "websocket", websocket: { inputSampleRate: 16000, outputSampleRate: 16000 } }),
    });
    const { websocketUrl } = (await created.json()) as { websocketUrl: string };
    const join = () => omnia({ websocketUrl, inputSampleRate: 16000 });
    const { of } = await dial(join());
    await eventually(() => of("session-started").length === 1);
    const error = await rejection(connect(join()));
    expect(error).toBeInstanceOf(TokenExpiredError);
    expect(error.retryable).toBe(true);
    const token = new URL(websocketUrl).searchParams.get("token")!;
    for (const secret of [websocketUrl, token]) expect(JSON.stringify(error) + error.message).not.toContain(secret);
  });

  it("barge-in reaches the application as playback-clear; debug messages as debug events", async () => {
    const s = await start({ debug: true });
    const { session, of } = await dial(omnia({ apiKey: KEY, agentId: "a1", inputSampleRate: 16000, baseUrl: s.url }));
    session.sendAudio(sine(16000, 0.1, 220));
    await eventually(() => of("playback-clear").length === 1 && of("debug").some((d) => d.message.startsWith("barge-in")));
    expect(of("debug")[0]!.message).toMatch(/^call started/);
    expect(of("debug").map((d) => d.message)).toContain("state: speaking");
  });

  it("closing from our side ends the session cleanly and the simulator sees the close", async () => {
    const s = await start();
    const { session, of, drained } = await dial(omnia({ apiKey: KEY, agentId: "a1", inputSampleRate: 8000, baseUrl: s.url }));
    await eventually(() => of("session-started").length === 1);
    await session.close();
    await drained;
    expect(of("session-ended")).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
    await eventually(() => s.sessions()[0]!.close !== undefined);
    expect(s.sessions()[0]!.close).toMatchObject({ code: 1000, by: "client" });
  });
});

describe("Omnia through connect(): the socket URL is a bearer capability", () => {
  it("appears in no log line, error, or serialized session, even when the app logs it itself", async () => {
    const s = await start();
    const lines: string[] = [];
    const logger = recordingLogger(lines);
    let socketUrl = "";
    // A fetch that lets the test see the created call's URL, to look for it afterwards.
    const peek: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      socketUrl = ((await response.clone().json()) as { websocketUrl: string }).websocketUrl;
      return response;
    };
    const dialect = omnia({ apiKey: KEY, agentId: "a1", inputSampleRate: 16000, baseUrl: s.url });
    const { session, of } = await dial(dialect, { logger, fetch: peek });
    await eventually(() => of("transcript-end").length === 1);
    session.on("debug", () => {
      throw new Error(`listener bug while holding ${socketUrl}`); // logged by the session
    });
    s.liveSessions()[0]!.inject({ type: "debug", message: "x" });
    s.liveSessions()[0]!.inject({ type: "error", code: "x", message: `failed for ${KEY} at ${socketUrl}`, fatal: false, retryable: false });
    await eventually(() => of("error").length === 1 && lines.some((l) => l.includes("listener bug")));
    const token = new URL(socketUrl).searchParams.get("token")!;
    const callId = new URL(socketUrl).pathname.split("/")[4]!;
    expect(callId).toMatch(/^[0-9a-f-]{36}$/);
    for (const text of [...lines, JSON.stringify(session), of("error")[0]!.message]) {
      for (const secret of [KEY, socketUrl, token, callId]) expect(text).not.toContain(secret);
    }
  });
});

describe("the Ultravox preset through connect()", () => {
  it("creates an agent call at /api/agents/{id}/calls with medium.serverWebSocket, joins by joinUrl, and talks", async () => {
    const s = await start({ preset: ULTRAVOX_PRESET });
    const dialect = ultravox({
      apiKey: KEY,
      agentId: "5b5a3b0e-1111",
      inputSampleRate: 16000,
      outputSampleRate: 24000,
      clientBufferSizeMs: 30000,
      baseUrl: s.url,
    });
    const { session, of } = await dial(dialect);
    await eventually(() => of("transcript-end").length === 1);
    session.sendAudio(sine(16000, 0.1, 220));
    await eventually(() => of("playback-clear").length === 1);
    expect(s.sessions()[0]).toMatchObject({ dialect: "ultravox", rates: { user: 16000, agent: 24000 }, details: { agentId: "5b5a3b0e-1111" } });
    expect(session.audio.wire.outbound.frameMs).toBe(20);
  });

  it("an Ultravox body without the medium is refused with 400, surfaced as a BootstrapError", async () => {
    const s = await start({ preset: ULTRAVOX_PRESET });
    const dialect = omnia({
      apiKey: KEY,
      agentId: "a1",
      inputSampleRate: 16000,
      baseUrl: s.url,
      createPath: ULTRAVOX_PRESET.createPath,
      urlField: "joinUrl",
    });
    const error = await rejection(connect(dialect));
    expect(error).toMatchObject({ status: 400 });
    expect((error as BootstrapError).body).toContain("medium.serverWebSocket");
  });
});
