// The Orbitali vendor front on the wire, with a plain HTTP client and a raw `ws` socket: the
// routes and refusals it documents, JSON-only frames, single-use tokens, `stop`.

import { type Simulator, type SimulatorOptions, startSimulator } from "@voxwire/conformance";
import { eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { type OrbitaliFrontOptions, orbitaliFront } from "../src/testing/index.js";

const KEY = "orb_live_RawK3y_0123456789";
const AGENT = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";
let sim: Simulator | undefined;
const sockets: WebSocket[] = [];

async function start(front: OrbitaliFrontOptions = {}, options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  sim = await startSimulator({ front: orbitaliFront(front), fast: true, keys: [KEY], keysWithoutScope: ["orb_live_NoScope_0000"], ...options });
  return sim;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await sim?.close();
  sim = undefined;
});

const mint = (s: Simulator, init: { agentId?: string; key?: string | null; method?: string } = {}) =>
  fetch(`${s.url}/public/v1/agents/${init.agentId ?? AGENT}/realtime-sessions`, {
    method: init.method ?? "POST",
    headers: init.key === null ? {} : { authorization: `Bearer ${init.key ?? KEY}` },
  });

interface RawSocket {
  socket: WebSocket;
  messages: Record<string, unknown>[];
  binary: number;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
}

function rawSocket(url: string): RawSocket {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const raw: RawSocket = {
    socket,
    messages: [],
    binary: 0,
    opened: new Promise((resolve) => socket.once("open", () => resolve())),
    closed: new Promise((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
  socket.on("message", (data, isBinary) => {
    if (isBinary) raw.binary++;
    else raw.messages.push(JSON.parse(data.toString()));
  });
  socket.on("error", () => {});
  return raw;
}

describe("Orbitali simulator: POST /public/v1/agents/{id}/realtime-sessions", () => {
  it("answers the documented shape for a known key", async () => {
    const s = await start({ now: () => Date.parse("2026-06-24T12:00:00.000Z") });
    const response = await mint(s);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({
      token: expect.any(String),
      expiresAt: "2026-06-24T12:01:00.000Z",
      websocketUrl: `${s.wsUrl}/ws/agents/${AGENT}?token=${body.token}`,
      protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 }, outputAudio: { encoding: "pcm16", sampleRate: 24000 } },
    });
  });

  it.each([
    ["no Authorization header", { key: null }, 401, "invalid_api_key"],
    ["an unknown key", { key: "orb_live_Unknown_000" }, 401, "invalid_api_key"],
    ["a key without the session scope", { key: "orb_live_NoScope_0000" }, 403, "missing_scope"],
    ["a malformed agent id", { agentId: "bad%20id" }, 400, "invalid_agent_id"],
    ["GET instead of POST", { method: "GET" }, 405, "method_not_allowed"],
  ])("%s → HTTP %i %s", async (_name, init, status, code) => {
    const s = await start();
    const response = await mint(s, init);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
  });

  it("an agent the simulator does not list → 404 agent_not_found; at capacity → 429", async () => {
    const s = await start({}, { agents: [AGENT], maxSessions: 1 });
    expect(await (await mint(s, { agentId: "other-agent" })).json()).toMatchObject({ error: { code: "agent_not_found" } });
    const first = rawSocket((await (await mint(s)).json()).websocketUrl);
    await first.opened;
    await eventually(() => s.liveSessions().length === 1);
    const busy = await mint(s);
    expect(busy.status).toBe(429);
    expect(await busy.json()).toMatchObject({ error: { code: "concurrency_limit_exceeded" } });
  });
});

describe("Orbitali simulator: the socket", () => {
  it("sends JSON text only: session.started first, then the greeting as 24 kHz output_audio and a transcript", async () => {
    const s = await start();
    const { websocketUrl } = await (await mint(s)).json();
    const raw = rawSocket(websocketUrl);
    await eventually(() => raw.messages.some((m) => m.type === "transcript") && raw.messages.filter((m) => m.type === "output_audio").length > 10);
    expect(raw.binary).toBe(0);
    expect(raw.messages[0]).toEqual({ type: "session.started", callId: "call_sim-1" });
    const audio = raw.messages.filter((m) => m.type === "output_audio");
    for (const message of audio) {
      expect(message).toEqual({ type: "output_audio", audio: expect.any(String), encoding: "pcm16", sampleRate: 24000 });
      expect(Buffer.from(message.audio as string, "base64").length).toBe(960); // 20 ms at 24 kHz
    }
    expect(raw.messages.find((m) => m.type === "transcript")).toEqual({ type: "transcript", role: "assistant", text: "Hello, how can I help?" });
  });

  it("reads input_audio at 16 kHz, reports a binary frame without ending, and honours stop", async () => {
    const s = await start();
    const { websocketUrl } = await (await mint(s)).json();
    const raw = rawSocket(websocketUrl);
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: "input_audio", audio: Buffer.alloc(640).toString("base64") }));
    raw.socket.send(Buffer.from([1, 2, 3, 4]));
    raw.socket.send(JSON.stringify({ type: "input_audio", audio: Buffer.alloc(640).toString("base64") }));
    await eventually(() => s.sessions()[0]?.received.audio.frames === 2);
    const record = s.sessions()[0]!;
    expect(record.received.audio).toMatchObject({ samples: 640, frameSamples: { 320: 2 } });
    expect(record.received.commands).toEqual([expect.objectContaining({ type: "error", code: "protocol_violation" })]);
    raw.socket.send(JSON.stringify({ type: "stop" }));
    expect(await raw.closed).toMatchObject({ code: 1000 });
    expect(s.sessions()[0]!.received.commands.map((c) => c.type)).toEqual(["error", "session-stop"]);
  });

  it.each([
    ["expired", "token_expired"],
    ["reused", "token_already_used"],
    ["unknown", "token_invalid"],
    ["for another agent", "token_invalid"],
  ])("a token that is %s is accepted then closed with 4401 %s, which a browser's onclose can read", async (kind, reason) => {
    let clock = Date.now();
    const s = await start({ now: () => clock });
    const { websocketUrl, token } = await (await mint(s)).json();
    let url = websocketUrl as string;
    if (kind === "expired") clock += 60_000;
    if (kind === "reused") {
      const first = rawSocket(url);
      await first.opened;
    }
    if (kind === "unknown") url = url.replace(token, "nope");
    if (kind === "for another agent") url = url.replace(AGENT, "another-agent");
    const refused = rawSocket(url);
    expect(await refused.closed).toEqual({ code: 4401, reason });
    expect(refused.messages).toEqual([]);
  });

  it("another path is refused with HTTP 404 at the upgrade", async () => {
    const s = await start();
    const socket = new WebSocket(`${s.wsUrl}/ws/other`);
    sockets.push(socket);
    const status = await new Promise<number>((resolve) => socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0)));
    socket.on("error", () => {});
    expect(status).toBe(404);
  });
});
