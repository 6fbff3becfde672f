// The dialect inside core's session runtime (`connect()`), with the vendor played by an
// in-memory socket and fetch: what goes out, in what order, and what the application sees.
import { BootstrapError, type ConnectOptions, connect, type InboundEvent } from "@voxwire/core";
import { fakeSocketClass, recordingLogger } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { tokenFirst } from "../src/index.js";
import { SEED_AGENT_READY, SEED_CONNECTED, SEED_SESSION_ENDED, seedAudioFrame } from "./seed-001-frames.js";
import { tokenEndpoint } from "./token-endpoint.js";

const KEY = "sk_example_K3yValue";
const TOKEN = "tok_session_0001";
const WS_URL = "wss://api.test/ws/room-77";
const SECRETS = [KEY, TOKEN, "room-77"];

/** `n` samples of a ramp starting at sample `from`: every sample says where it was in the stream. */
function ramp(from: number, n: number): Int16Array {
  return Int16Array.from({ length: n }, (_, i) => ((from + i) % 30000) - 15000);
}

/** Sends `totalSamples` of the ramp in chunks of `chunk` samples (not a multiple of a frame). */
function sendRamp(session: { sendAudio(a: Int16Array): void }, totalSamples: number, chunk = 333): void {
  for (let at = 0; at < totalSamples; at += chunk) session.sendAudio(ramp(at, Math.min(chunk, totalSamples - at)));
}

function binaryFrames(sent: (string | Uint8Array)[]): Uint8Array[] {
  return sent.filter((frame): frame is Uint8Array => typeof frame !== "string");
}

function samplesOf(frames: Uint8Array[]): Int16Array {
  const out = new Int16Array(frames.reduce((n, f) => n + f.byteLength / 2, 0));
  let at = 0;
  for (const frame of frames) {
    out.set(new Int16Array(frame.slice().buffer), at);
    at += frame.byteLength / 2;
  }
  return out;
}

async function dial(options: ConnectOptions = {}, answer: unknown = { token: TOKEN, ws_url: WS_URL }) {
  const endpoint = tokenEndpoint(answer);
  const sockets = fakeSocketClass();
  const session = await connect(tokenFirst({ apiUrl: "https://api.test", apiKey: KEY }), {
    fetch: endpoint.fetch,
    WebSocket: sockets.WebSocket,
    runtime: "node",
    // These tests play the vendor by hand after connecting, `connected` included.
    resolveOn: "open",
    ...options,
  });
  // A session starts handling socket events one macrotask after it opens (so listeners attached
  // right after connect() miss nothing); let that turn pass before playing the vendor.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { session, socket: sockets.sockets[0]!, endpoint };
}

describe("token-first through connect()", () => {
  it("bootstraps with the key, dials ws_url and sends the token first, then nothing until `connected`", async () => {
    const { session, socket, endpoint } = await dial();
    expect(endpoint.requests).toHaveLength(1);
    expect(endpoint.requests[0]?.url).toBe("https://api.test/api/v1/sdk/token");
    expect(endpoint.requests[0]?.init.headers).toMatchObject({ authorization: `Bearer ${KEY}` });
    expect(socket.url).toBe(WS_URL);
    sendRamp(session, 3200);
    socket.receive(SEED_AGENT_READY);
    expect(socket.sent).toEqual([JSON.stringify({ token: TOKEN })]);
    socket.receive(SEED_CONNECTED);
    expect(socket.sent[0]).toBe(JSON.stringify({ token: TOKEN }));
    expect(binaryFrames(socket.sent)).toHaveLength(10);
    await session.close();
  });

  it("holds audio sent before `connected` and delivers all of it after the token, in order, in 640-byte frames", async () => {
    const { session, socket } = await dial();
    sendRamp(session, 30 * 320); // 600 ms, within the default 1000 ms bound
    expect(session.stats.queuedAudioMs).toBe(600);
    socket.receive(SEED_CONNECTED);
    const frames = binaryFrames(socket.sent);
    expect(socket.sent.indexOf(frames[0]!)).toBe(1);
    expect(frames.every((frame) => frame.byteLength === 640)).toBe(true);
    expect(samplesOf(frames)).toEqual(ramp(0, 30 * 320));
    expect(session.stats.audioFramesDropped).toBe(0);
    expect(session.stats.queuedAudioMs).toBe(0);
    await session.close();
  });

  it("past the bound drops the oldest held audio and counts it; the newest second still arrives", async () => {
    const { session, socket } = await dial();
    sendRamp(session, 75 * 320); // 1500 ms against the default 1000 ms bound
    expect(session.stats.audioFramesDropped).toBe(25);
    expect(session.stats.queuedAudioMs).toBe(1000);
    expect(socket.sent).toHaveLength(1);
    socket.receive(SEED_CONNECTED);
    const frames = binaryFrames(socket.sent);
    expect(frames).toHaveLength(50);
    expect(samplesOf(frames)).toEqual(ramp(25 * 320, 50 * 320));
    await session.close();
  });

  it("takes the bound from queue.maxAudioMs", async () => {
    const { session, socket } = await dial({ queue: { maxAudioMs: 200 } });
    sendRamp(session, 20 * 320);
    socket.receive(SEED_CONNECTED);
    expect(session.stats.audioFramesDropped).toBe(10);
    expect(samplesOf(binaryFrames(socket.sent))).toEqual(ramp(10 * 320, 10 * 320));
    await session.close();
  });

  it("frames whatever sizes the application sends into 640-byte frames, and pads the last on close", async () => {
    const { session, socket } = await dial();
    socket.receive(SEED_CONNECTED);
    for (const size of [1, 7, 319, 320, 321, 1000, 2048, 13]) session.sendAudio(ramp(0, size));
    await session.close();
    const frames = binaryFrames(socket.sent);
    expect(frames.length).toBe(Math.ceil((1 + 7 + 319 + 320 + 321 + 1000 + 2048 + 13) / 320));
    expect(frames.every((frame) => frame.byteLength === 640)).toBe(true);
  });

  it("delivers the token-first guide's events as normalized events, and the vendor's session_ended ends the session", async () => {
    const { session, socket } = await dial();
    const events: InboundEvent[] = [];
    session.on("*", (event) => events.push(event));
    socket.receive(SEED_CONNECTED);
    socket.receive(SEED_AGENT_READY);
    socket.receive(seedAudioFrame());
    socket.receive(SEED_SESSION_ENDED.server_shutdown);
    const ended = await session.ended;
    expect(ended).toMatchObject({ type: "session-ended", reason: "server_shutdown" });
    expect(events.map((e) => (e.type === "agent-state" ? `agent-state:${e.state}` : e.type))).toEqual([
      "session-started",
      "agent-state:listening",
      "audio-chunk",
      "session-ended",
    ]);
    const audio = events.find((e) => e.type === "audio-chunk");
    expect(audio?.type === "audio-chunk" && audio.audio.length).toBe(320);
    expect(socket.readyState).toBe(3);
  });
});

describe("token-first failures through connect()", () => {
  it("a reused token: the vendor's error and close 4401 surface once, as a typed token_expired error", async () => {
    const lines: string[] = [];
    const { session, socket } = await dial({ logger: recordingLogger(lines) });
    const errors: InboundEvent[] = [];
    session.on("error", (event) => errors.push(event));
    socket.receive(JSON.stringify({ type: "error", code: "token_used", message: `token ${TOKEN} was already used` }));
    socket.serverClose(4401, "token_used");
    const ended = await session.ended;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ type: "error", code: "token_expired", fatal: true, retryable: true });
    expect(errors[0]?.type === "error" && errors[0].error?.vendorCode).toBe("token_used");
    expect(ended).toMatchObject({ reason: "token_expired", code: 4401 });
    const exposed = [...lines, ...errors.map((e) => (e.type === "error" ? `${e.message} ${e.error?.message} ${JSON.stringify(e.error)}` : ""))].join(
      "\n",
    );
    for (const secret of SECRETS) expect(exposed).not.toContain(secret);
  });

  it("an expired token reported only by close 4401 is the same typed error", async () => {
    const { session, socket } = await dial();
    const errors: InboundEvent[] = [];
    session.on("error", (event) => errors.push(event));
    socket.serverClose(4401, "token_expired");
    expect(await session.ended).toMatchObject({ reason: "token_expired", code: 4401 });
    expect(errors).toEqual([expect.objectContaining({ code: "token_expired", fatal: true })]);
  });

  it("a non-2xx token answer is a BootstrapError with the status and the body, key redacted", async () => {
    const endpoint = tokenEndpoint({ error: "invalid_api_key", detail: `Bearer ${KEY} rejected; key=${KEY}` }, 401);
    const error = await connect(tokenFirst({ apiUrl: "https://api.test", apiKey: KEY }), {
      fetch: endpoint.fetch,
      WebSocket: fakeSocketClass().WebSocket,
      runtime: "node",
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BootstrapError);
    expect(error).toMatchObject({ code: "bootstrap_failed", status: 401, retryable: false });
    const bootstrap = error as BootstrapError;
    expect(bootstrap.body).toContain("invalid_api_key");
    for (const text of [bootstrap.message, bootstrap.body, JSON.stringify(bootstrap), String(bootstrap.stack)]) expect(text).not.toContain(KEY);
  });

  it("a token answer without ws_url is a typed error that quotes neither token nor key", async () => {
    const error = await dial({}, { token: TOKEN }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "protocol_violation", vendorCode: "invalid_token_response" });
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });

  it("an apiKey is refused in a page before any request is made", async () => {
    const endpoint = tokenEndpoint({ token: TOKEN, ws_url: WS_URL });
    await expect(
      connect(tokenFirst({ apiUrl: "https://api.test", apiKey: KEY }), {
        fetch: endpoint.fetch,
        WebSocket: fakeSocketClass().WebSocket,
        runtime: "browser",
      }),
    ).rejects.toMatchObject({ code: "invalid_config" });
    expect(endpoint.requests).toHaveLength(0);
  });

  it("in a page, tokenUrl bootstraps through the application's route without the key", async () => {
    const endpoint = tokenEndpoint({ token: TOKEN, ws_url: WS_URL });
    const sockets = fakeSocketClass();
    const session = await connect(tokenFirst({ tokenUrl: "/api/voice-token" }), {
      fetch: endpoint.fetch,
      WebSocket: sockets.WebSocket,
      runtime: "browser",
      resolveOn: "open",
    });
    expect(endpoint.requests[0]?.url).toBe("/api/voice-token");
    expect(JSON.stringify(endpoint.requests[0]?.init.headers)).not.toMatch(/authorization/i);
    expect(sockets.sockets[0]?.sent).toEqual([JSON.stringify({ token: TOKEN })]);
    sockets.sockets[0]?.receive(SEED_CONNECTED);
    await session.close();
  });
});
