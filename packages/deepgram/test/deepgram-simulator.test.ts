// The Deepgram vendor front on the wire, with a raw `ws` socket (as Deepgram's own examples dial
// it) and with voxwire's client: Welcome on open, Settings first, SettingsApplied, Deepgram's
// Error cases (audio before Settings, a second Settings, another format, an idle session), the
// grant route and bearer tokens, the refusals at the upgrade.

import { type Simulator, startSimulator } from "@voxwire/conformance";
import { connect, type InboundEvent } from "@voxwire/core";
import { eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { deepgram } from "../src/deepgram.js";
import { type DeepgramFrontOptions, deepgramFront } from "../src/testing/index.js";

const KEY = "dg-voxwire-front-test-key";
let sim: Simulator | undefined;
const sockets: WebSocket[] = [];

async function start(front: DeepgramFrontOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ front: deepgramFront(front), fast: true, keys: [KEY] });
  return sim;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await sim?.close();
  sim = undefined;
});

function rawSocket(url: string, init: { headers?: Record<string, string>; protocols?: string[] } = {}) {
  const socket = new WebSocket(url, init.protocols ?? [], { headers: init.headers ?? {} });
  sockets.push(socket);
  const messages: Record<string, unknown>[] = [];
  let audioBytes = 0;
  socket.on("message", (data, isBinary) => {
    if (isBinary) audioBytes += (data as Buffer).byteLength;
    else messages.push(JSON.parse(data.toString()));
  });
  const upgrade = new Promise<{ status: number; body?: string }>((resolve) => {
    socket.once("open", () => resolve({ status: 101 }));
    socket.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += String(chunk);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on("error", () => {});
  return { socket, messages, upgrade, closed, audioBytes: () => audioBytes };
}

const wsUrl = (s: Simulator, path = "/v1/agent/converse") => `${s.url.replace(/^http/, "ws")}${path}`;
const settings = (rate = 24000, agent: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: "Settings",
    audio: { input: { encoding: "linear16", sample_rate: rate }, output: { encoding: "linear16", sample_rate: 24000, container: "none" } },
    agent,
  });
const types = (messages: Record<string, unknown>[]) => messages.map((m) => m.type);

describe("Deepgram simulator: GET /v1/agent/converse", () => {
  it("sends Welcome on open, SettingsApplied after a valid Settings, then the greeting as binary audio", async () => {
    const s = await start();
    const raw = rawSocket(wsUrl(s), { headers: { Authorization: `Token ${KEY}` } });
    expect((await raw.upgrade).status).toBe(101);
    await eventually(() => raw.messages.length >= 1, "Welcome");
    expect(raw.messages[0]).toEqual({ type: "Welcome", request_id: expect.stringMatching(/^voxwire-sim-/) });
    raw.socket.send(settings(24000, { think: { prompt: "be brief" } }));
    await eventually(() => raw.audioBytes() > 0, "the greeting's audio");
    expect(types(raw.messages).slice(0, 4)).toEqual(["Welcome", "SettingsApplied", "AgentStartedSpeaking", "ConversationText"]);
    expect(raw.messages[3]).toMatchObject({ role: "assistant", content: expect.any(String) });
    expect(s.sessions()[0]!.agent.configs).toEqual([{ instructions: "be brief" }]);
  });

  it("takes the browser form: the subprotocols token, <key>, and echoes only the word token", async () => {
    const s = await start();
    const raw = rawSocket(wsUrl(s), { protocols: ["token", KEY] });
    expect((await raw.upgrade).status).toBe(101);
    expect(raw.socket.protocol).toBe("token");
  });

  it("audio before Settings: Error NON_SETTINGS_MESSAGE_BEFORE_SETTINGS, then the close", async () => {
    const s = await start();
    const raw = rawSocket(wsUrl(s), { headers: { Authorization: `Token ${KEY}` } });
    await raw.upgrade;
    raw.socket.send(new Uint8Array(960));
    expect(await raw.closed).toEqual({ code: 1000, reason: "NON_SETTINGS_MESSAGE_BEFORE_SETTINGS" });
    expect(raw.messages.map((m) => [m.type, m.code])).toEqual([
      ["Welcome", undefined],
      ["Error", "NON_SETTINGS_MESSAGE_BEFORE_SETTINGS"],
    ]);
  });

  it("a Settings at another rate than the simulator's is INVALID_SETTINGS; a second Settings is SETTINGS_ALREADY_APPLIED", async () => {
    const s = await start();
    const wrong = rawSocket(wsUrl(s), { headers: { Authorization: `Token ${KEY}` } });
    await wrong.upgrade;
    wrong.socket.send(settings(16000));
    expect((await wrong.closed).reason).toBe("INVALID_SETTINGS");

    const twice = rawSocket(wsUrl(s), { headers: { Authorization: `Token ${KEY}` } });
    await twice.upgrade;
    twice.socket.send(settings());
    await eventually(() => types(twice.messages).includes("SettingsApplied"), "SettingsApplied");
    twice.socket.send(settings());
    expect((await twice.closed).reason).toBe("SETTINGS_ALREADY_APPLIED");
    expect(twice.messages.at(-1)).toMatchObject({ type: "Error", code: "SETTINGS_ALREADY_APPLIED" });
  });

  it("closes a session that sends nothing for idleTimeoutMs with CLIENT_MESSAGE_TIMEOUT; KeepAlive keeps one open", async () => {
    const s = await start({ idleTimeoutMs: 300 });
    const idle = rawSocket(wsUrl(s), { headers: { Authorization: `Token ${KEY}` } });
    const kept = rawSocket(wsUrl(s), { headers: { Authorization: `Token ${KEY}` } });
    await Promise.all([idle.upgrade, kept.upgrade]);
    idle.socket.send(settings());
    kept.socket.send(settings());
    const timer = setInterval(() => kept.socket.send(JSON.stringify({ type: "KeepAlive" })), 100);
    try {
      expect(await idle.closed).toEqual({ code: 1000, reason: "CLIENT_MESSAGE_TIMEOUT" });
      expect(idle.messages.at(-1)).toMatchObject({ type: "Error", code: "CLIENT_MESSAGE_TIMEOUT" });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(kept.socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      clearInterval(timer);
    }
  });

  it("acknowledges updates: UpdatePrompt → PromptUpdated, and the agent records the configuration", async () => {
    const s = await start();
    const raw = rawSocket(wsUrl(s), { headers: { Authorization: `Token ${KEY}` } });
    await raw.upgrade;
    raw.socket.send(settings());
    await eventually(() => types(raw.messages).includes("SettingsApplied"), "SettingsApplied");
    raw.socket.send(JSON.stringify({ type: "UpdatePrompt", prompt: "be terse" }));
    await eventually(() => types(raw.messages).includes("PromptUpdated"), "PromptUpdated");
    expect(s.sessions()[0]!.agent.configs).toEqual([{}, { instructions: "be terse" }]);
  });

  it("refuses a wrong or missing key with HTTP 401 and Deepgram's error body, another path with 404", async () => {
    const s = await start();
    const wrong = await rawSocket(wsUrl(s), { headers: { Authorization: "Token nope-nope" } }).upgrade;
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body!)).toMatchObject({ err_code: "INVALID_AUTH", err_msg: "Invalid credentials." });
    expect((await rawSocket(wsUrl(s)).upgrade).status).toBe(401);
    expect((await rawSocket(wsUrl(s, "/v1/other"), { headers: { Authorization: `Token ${KEY}` } }).upgrade).status).toBe(404);
  });
});

describe("Deepgram simulator: POST /v1/auth/grant and bearer tokens", () => {
  const grant = (s: Simulator, auth: string, body: unknown = {}) =>
    fetch(`${s.url}/v1/auth/grant`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("grants a JWT-shaped token for a key, which opens a session as Bearer or as the bearer subprotocol", async () => {
    const s = await start();
    const answer = await grant(s, `Token ${KEY}`, { ttl_seconds: 60 });
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(60);
    expect(body.access_token.split(".")).toHaveLength(3);
    expect((await rawSocket(wsUrl(s), { headers: { Authorization: `Bearer ${body.access_token}` } }).upgrade).status).toBe(101);
    const browser = rawSocket(wsUrl(s), { protocols: ["bearer", body.access_token] });
    expect((await browser.upgrade).status).toBe(101);
    expect(browser.socket.protocol).toBe("bearer");
    expect((await rawSocket(wsUrl(s), { headers: { Authorization: "Bearer eyJ.not.granted" } }).upgrade).status).toBe(401);
  });

  it("refuses a grant without a good key (401) and a token past its time (401 at the upgrade)", async () => {
    let now = 1_000_000;
    const s = await start({ now: () => now });
    expect((await grant(s, "Token wrong-key")).status).toBe(401);
    const { access_token } = (await (await grant(s, `Token ${KEY}`)).json()) as { access_token: string };
    now += 31_000;
    const late = await rawSocket(wsUrl(s), { headers: { Authorization: `Bearer ${access_token}` } }).upgrade;
    expect(late.status).toBe(401);
    expect(JSON.parse(late.body!)).toMatchObject({ err_code: "INVALID_AUTH", err_msg: "the token has expired" });
  });
});

describe("voxwire's deepgram() against the simulator", () => {
  it("connects with a key, waits for SettingsApplied, hears the greeting, answers a tool call and sees a barge-in", async () => {
    sim = await startSimulator({
      front: deepgramFront(),
      fast: true,
      keys: [KEY],
      script: { greeting: "greeting", answers: ["answer"], toolCall: { name: "lookup", arguments: { q: "x" } } },
    });
    const session = await connect(deepgram({ apiKey: KEY, baseUrl: sim.url }), {
      input: { sampleRate: 24000 },
      output: { sampleRate: 24000 },
      agent: { instructions: "be brief", tools: [{ name: "lookup", parameters: { type: "object" } }] },
    });
    const seen: InboundEvent[] = [];
    session.on("*", (e) => seen.push(e));
    session.handleTools({ lookup: async (args) => ({ found: args }) });
    // Audio waits behind the ready gate (SettingsApplied); the greeting's start says it is open.
    await eventually(() => seen.some((e) => e.type === "agent-state" && e.state === "speaking"), "the greeting");
    // A tone over the greeting (barge-in), then silence so the utterance ends.
    const tone = new Int16Array(480);
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 480; j++) tone[j] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * (i * 480 + j)) / 24000));
      session.sendAudio(tone);
    }
    for (let i = 0; i < 60; i++) session.sendAudio(new Int16Array(480));
    await eventually(() => sim!.sessions()[0]!.agent.tools[0]?.output !== undefined, "the tool's result");
    expect(sim.sessions()[0]!.agent.tools[0]).toEqual({ callId: "call_1", name: "lookup", output: '{"found":{"q":"x"}}' });
    expect(sim.sessions()[0]!.agent.configs[0]).toEqual({ instructions: "be brief", tools: [{ name: "lookup", parameters: { type: "object" } }] });
    const kinds = seen.map((e) => e.type);
    expect(kinds).toEqual(expect.arrayContaining(["session-started", "agent-state", "audio-chunk", "speech-started", "playback-clear", "tool-call"]));
    expect(seen.find((e) => e.type === "session-started")).toMatchObject({ ids: { request_id: expect.stringMatching(/^voxwire-/) } });
    await session.close();
  });

  it("a refused key ends connect() with auth_failed, and no error text holds the key", async () => {
    const s = await start();
    const wrong = "dg-Wr0ngKey_abcdefghijklmnop";
    const error = await connect(deepgram({ apiKey: wrong, baseUrl: s.url }), { input: { sampleRate: 24000 }, output: { sampleRate: 24000 } }).then(
      () => undefined,
      (e: unknown) => e as { code?: string; vendorCode?: string; message: string },
    );
    expect(error).toMatchObject({ code: "auth_failed", vendorCode: "INVALID_AUTH" });
    expect(JSON.stringify({ ...error, message: error?.message })).not.toContain(wrong);
  });
});
