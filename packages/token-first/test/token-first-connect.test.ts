// The token-first adapter through the public session API (connect()), against its simulator.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Simulator, type SimulatorOptions, silence, sine, startSimulator } from "@voxwire/conformance";
import { BootstrapError, type ConnectOptions, connect, type Session } from "@voxwire/core";
import { connectCollecting, eventually, recordingLogger, syntheticClips } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { createTokenRoute, tokenFirst } from "../src/index.js";
import { type TokenFirstFrontOptions, tokenFirstFront, tokenFirstSubject } from "../src/testing/index.js";

const KEY = "tf_test_C0nnectK3y";
const RATE = 16000;
let sim: Simulator | undefined;
const sessions: Session[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

/** A simulator from the registry entry, or with a front configured by the test. */
async function start(options: Partial<SimulatorOptions> = {}, front?: TokenFirstFrontOptions): Promise<Simulator> {
  const dialect = tokenFirstFront(front);
  sim = await startSimulator({ front: dialect, fast: true, keys: [KEY], clips: syntheticClips(RATE), ...options });
  return sim;
}

/** Connects through the registry entry, collecting every event; `drained` resolves after session-ended. */
const dial = (s: Simulator, options: ConnectOptions = {}, key = KEY) =>
  connectCollecting(tokenFirstSubject.client({ url: s.url, key }), options, sessions);

/** A fetch that remembers the token answers it saw and can replay the first one (a reused token). */
function replayingFetch(onAnswer: () => void = () => {}) {
  const bodies: string[] = [];
  let replay = false;
  const fetchImpl = (async (url: string, init: RequestInit) => {
    if (replay && bodies[0]) return new Response(bodies[0], { status: 200 });
    const answer = await fetch(url, init);
    const body = await answer.text();
    bodies.push(body);
    onAnswer();
    return new Response(body, { status: answer.status });
  }) as typeof fetch;
  return {
    fetch: fetchImpl,
    bodies,
    replayNext() {
      replay = true;
    },
  };
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await sim?.close();
  sim = undefined;
});

describe("token-first through connect(): a call", () => {
  it("starts, hears the agent ready, and gets the greeting audio", async () => {
    const s = await start();
    const { session, events, of } = await dial(s);
    const greeting = syntheticClips(RATE).at("greeting", RATE);
    await eventually(() => of("audio-chunk").reduce((n, c) => n + c.audio.length, 0) === greeting.frames.length * 320);
    expect(session.audio.wire).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 },
      inbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 },
    });
    expect(events[0]).toMatchObject({ type: "session-started", ids: { session_id: "sim-1" } });
    expect(events[1]).toMatchObject({ type: "agent-state", state: "listening" });
    expect(of("audio-chunk").every((c) => c.sampleRate === 16000 && c.audio.length === 320)).toBe(true);
  });

  it("delivers the application's audio, in any chunk size, to the service in 640-byte frames only", async () => {
    const s = await start();
    // Live on our side too: audio sent before `connected` is read is held within its bound, and
    // 1.5 s at once would overflow it.
    const { session } = await dial(s, { input: { sampleRate: 16000 }, resolveOn: "live" });
    const speech = [silence(RATE, 0.3), sine(RATE, 0.4, 220), silence(RATE, 0.8)];
    let total = 0;
    for (const part of speech) {
      for (let i = 0, size = 77; i < part.length; i += size, size = (size * 7) % 1501 || 77) {
        const chunk = part.subarray(i, i + size);
        session.sendAudio(chunk);
        total += chunk.length;
      }
    }
    // The answer starts 600 ms into the trailing silence; the rest of it may still be in flight.
    const framed = Math.floor(total / 320) * 320;
    await eventually(() => (s.sessions()[0]?.agent.spoke.length ?? 0) === 2 && s.sessions()[0]?.received.audio.samples === framed);
    const record = s.sessions()[0]!;
    expect(Object.keys(record.received.audio.frameSamples)).toEqual(["320"]);
    expect(record.agent.utterances).toHaveLength(1);
  });

  it("holds audio sent before `connected` and delivers it whole after the token, within the bound", async () => {
    const s = await start();
    const { session } = await dial(s);
    // connect() resolves when the socket opens, right after the token went out: `connected` cannot
    // have been read yet, so this audio is held.
    for (let i = 0; i < 30; i++) session.sendAudio(silence(RATE, 0.02));
    expect(session.stats.queuedAudioMs).toBe(600);
    await eventually(() => s.sessions()[0]?.received.audio.frames === 30);
    const record = s.sessions()[0]!;
    expect(record.state).toBe("live"); // audio before the token would have been refused (4400)
    expect(record.received.audio.frameSamples).toEqual({ 320: 30 });
    expect(session.stats.audioFramesDropped).toBe(0);
  });

  it("past the bound drops the oldest held audio and counts it", async () => {
    const s = await start();
    const { session } = await dial(s, { queue: { maxAudioMs: 200 } });
    for (let i = 0; i < 25; i++) session.sendAudio(silence(RATE, 0.02));
    expect(session.stats.audioFramesDropped).toBe(15);
    await eventually(() => s.sessions()[0]?.received.audio.frames === 10);
    expect(s.sessions()[0]?.received.audio.frameSamples).toEqual({ 320: 10 });
  });

  it("ends with the service's session_ended reason on the shutdown fault", async () => {
    const s = await start({ faults: { shutdownAfterMs: 0 } });
    const { session, of, drained } = await dial(s);
    expect(await session.ended).toMatchObject({ type: "session-ended", reason: "server_shutdown" });
    await drained;
    expect(of("error")).toEqual([]);
  });
});

describe("token-first through connect(): failures", () => {
  it("a reused token surfaces once, as a typed token_expired error, and no secret reaches the log", async () => {
    const s = await start();
    const replaying = replayingFetch();
    const lines: string[] = [];
    await dial(s, { fetch: replaying.fetch });
    replaying.replayNext();
    const { session, of, drained } = await dial(s, { fetch: replaying.fetch, logger: recordingLogger(lines) });
    const ended = await session.ended;
    await drained;
    expect(ended).toMatchObject({ reason: "token_expired", code: 4401 });
    const errors = of("error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "token_expired", fatal: true, retryable: true });
    expect(errors[0]?.error?.vendorCode).toBe("token_used");
    expect(errors[0]?.error?.name).toBe("TokenExpiredError");
    expect(of("audio-chunk")).toEqual([]);
    const { token } = JSON.parse(replaying.bodies[0]!) as { token: string };
    const exposed = [...lines, ...errors.map((e) => `${e.message} ${e.error?.message} ${JSON.stringify(e.error)}`)].join("\n");
    expect(exposed).not.toContain(token);
    expect(exposed).not.toContain(KEY);
  });

  it("an expired token surfaces as a typed token_expired error", async () => {
    let clock = 0;
    const s = await start({}, { now: () => clock });
    const expiring = replayingFetch(() => {
      clock += 60_000;
    });
    const { session, of, drained } = await dial(s, { fetch: expiring.fetch });
    expect(await session.ended).toMatchObject({ reason: "token_expired", code: 4401 });
    await drained;
    expect(of("error")).toEqual([expect.objectContaining({ code: "token_expired", fatal: true })]);
    expect(of("error")[0]?.error?.vendorCode).toBe("token_expired");
  });

  it("a refused key is a BootstrapError with the status and the body, the key redacted", async () => {
    const s = await start();
    const wrongKey = "tf_test_Wr0ngK3y";
    const error = await connect(tokenFirst({ apiUrl: s.url, apiKey: wrongKey })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BootstrapError);
    const bootstrap = error as BootstrapError;
    expect(bootstrap).toMatchObject({ code: "bootstrap_failed", status: 401, retryable: false });
    expect(bootstrap.body).toContain("invalid_api_key");
    for (const text of [bootstrap.message, bootstrap.body, JSON.stringify(bootstrap), String(bootstrap.stack)]) expect(text).not.toContain(wrongKey);
  });
});

describe("token-first through connect(): the browser pattern", () => {
  it("a page's tokenUrl reaches the service through createTokenRoute, which alone holds the key", async () => {
    const s = await start();
    const route = createTokenRoute({ apiUrl: s.url, apiKey: KEY });
    const server = createServer((req, res) => void route.node(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/voice-token`;
    const requests: RequestInit[] = [];
    const pageFetch = ((url: string, init: RequestInit) => {
      requests.push(init);
      return fetch(url, init);
    }) as typeof fetch;
    // A page: the global WebSocket (here `ws`, which Node 20 lacks as a global) and no key.
    const session = await connect(tokenFirst({ tokenUrl }), { runtime: "browser", fetch: pageFetch, WebSocket: WebSocket as never });
    sessions.push(session);
    await eventually(() => (s.sessions()[0]?.sent.audioFrames ?? 0) > 0);
    expect(s.sessions()[0]?.state).toBe("live");
    expect(JSON.stringify(requests)).not.toContain(KEY);
  });
});
