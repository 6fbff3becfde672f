// The OpenAI vendor front on the wire, with a raw `ws` socket (as OpenAI's own examples dial it)
// and with voxwire's client over μ-law: the credentials it takes, its refusals, the handshake order.

import { type Simulator, type SimulatorOptions, startSimulator } from "@voxwire/conformance";
import { connect, type InboundEvent } from "@voxwire/core";
import { eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { openai } from "../src/openai.js";
import { type OpenaiFrontOptions, openaiFront } from "../src/testing/index.js";

const KEY = "voxwire-openai-test-key";
let sim: Simulator | undefined;
const sockets: WebSocket[] = [];

async function start(front: OpenaiFrontOptions = {}, more: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  sim = await startSimulator({ front: openaiFront(front), fast: true, keys: [KEY], ...more });
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
  socket.on("message", (data) => messages.push(JSON.parse(data.toString())));
  const upgrade = new Promise<number>((resolve) => {
    socket.once("open", () => resolve(101));
    socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
  });
  socket.on("error", () => {});
  return { socket, messages, upgrade };
}

const wsUrl = (s: Simulator, path = "/v1/realtime?model=gpt-realtime") => `${s.url.replace(/^http/, "ws")}${path}`;
const update = (format: Record<string, unknown>) =>
  JSON.stringify({ type: "session.update", session: { type: "realtime", audio: { input: { format }, output: { format, voice: "marin" } } } });

describe("OpenAI simulator: GET /v1/realtime", () => {
  it("with a Bearer key: session.created, then session.updated with the effective configuration", async () => {
    const s = await start();
    const raw = rawSocket(wsUrl(s), { headers: { Authorization: `Bearer ${KEY}` } });
    expect(await raw.upgrade).toBe(101);
    raw.socket.send(update({ type: "audio/pcm", rate: 24000 }));
    await eventually(() => raw.messages.length >= 2, "session.created and session.updated");
    expect(raw.messages[0]).toMatchObject({ type: "session.created", session: { type: "realtime", model: "gpt-realtime" } });
    expect(raw.messages[1]).toMatchObject({ type: "session.updated", session: { audio: { output: { voice: "marin" } } } });
    expect((raw.messages[1]!.session as { id: string }).id).toBe((raw.messages[0]!.session as { id: string }).id);
  });

  it("with the browser subprotocols: echoes realtime", async () => {
    const s = await start();
    const raw = rawSocket(wsUrl(s), { protocols: ["realtime", `openai-insecure-api-key.${KEY}`] });
    expect(await raw.upgrade).toBe(101);
    expect(raw.socket.protocol).toBe("realtime");
  });

  it("refuses a wrong or missing key with HTTP 401, another path with 404, no model with 400", async () => {
    const s = await start();
    expect(await rawSocket(wsUrl(s), { headers: { Authorization: "Bearer nope-nope-nope" } }).upgrade).toBe(401);
    expect(await rawSocket(wsUrl(s)).upgrade).toBe(401);
    expect(await rawSocket(wsUrl(s, "/v1/other?model=m"), { headers: { Authorization: `Bearer ${KEY}` } }).upgrade).toBe(404);
    expect(await rawSocket(wsUrl(s, "/v1/realtime"), { headers: { Authorization: `Bearer ${KEY}` } }).upgrade).toBe(400);
  });

  it("a session.update in another audio format than the simulator's: an error, then close 1008", async () => {
    const s = await start({ audio: "pcmu" });
    const raw = rawSocket(wsUrl(s), { headers: { Authorization: `Bearer ${KEY}` } });
    expect(await raw.upgrade).toBe(101);
    const closed = new Promise<number>((resolve) => raw.socket.once("close", (code) => resolve(code)));
    raw.socket.send(update({ type: "audio/pcm", rate: 24000 }));
    expect(await closed).toBe(1008);
    expect(raw.messages).toMatchObject([{ type: "error", error: { code: "invalid_value" } }]);
  });

  it("voxwire's client over μ-law at 8 kHz: the session starts and the agent's audio arrives at 8 kHz on the wire", async () => {
    const s = await start({ audio: "pcmu" });
    const session = await connect(openai({ apiKey: KEY, model: "gpt-realtime", audio: "pcmu", baseUrl: s.url }), {
      input: { sampleRate: 8000 },
      output: { sampleRate: 8000 },
    });
    const seen: InboundEvent[] = [];
    session.on("session-started", (e) => seen.push(e));
    session.on("audio-chunk", (e) => seen.push(e));
    await eventually(() => seen.some((e) => e.type === "audio-chunk"), "the agent's audio");
    expect(seen[0]).toMatchObject({ type: "session-started", ids: { session_id: expect.stringMatching(/^sess_/) } });
    expect(s.sessions()[0]!.rates).toEqual({ user: 8000, agent: 8000 });
    await session.close();
  });

  it("a refused key ends connect() with auth_failed, and no error text holds the key", async () => {
    const s = await start();
    const wrong = "sk-proj-Wr0ngKey_abcdefghijklmnop";
    const error = await connect(openai({ apiKey: wrong, model: "gpt-realtime", baseUrl: s.url }), {
      input: { sampleRate: 24000 },
      output: { sampleRate: 24000 },
    }).then(
      () => undefined,
      (e: unknown) => e as { code?: string; vendorCode?: string; message: string },
    );
    expect(error).toMatchObject({ code: "auth_failed", vendorCode: "invalid_api_key" });
    expect(JSON.stringify({ ...error, message: error?.message })).not.toContain(wrong);
  });
});

describe("OpenAI simulator: spec v2", () => {
  const weather = { name: "get_weather", description: "The weather", parameters: { type: "object", properties: { city: { type: "string" } } } };

  it("a raw client: the tool call as one response, a mid-session update answered, a truncation acknowledged and recorded", async () => {
    const s = await start(
      {},
      { script: { greeting: "greeting", answers: ["answer"], toolCall: { name: "get_weather", arguments: { city: "Paris" } } } },
    );
    const raw = rawSocket(wsUrl(s), { headers: { Authorization: `Bearer ${KEY}` } });
    expect(await raw.upgrade).toBe(101);
    raw.socket.send(update({ type: "audio/pcm", rate: 24000 }));
    raw.socket.send(
      JSON.stringify({ type: "session.update", session: { type: "realtime", instructions: "Be brief.", tools: [{ type: "function", ...weather }] } }),
    );
    await eventually(() => raw.messages.filter((m) => m.type === "session.updated").length >= 2, "two session.updated");
    const updates = raw.messages.filter((m) => m.type === "session.updated");
    expect(updates[1]).toMatchObject({
      session: { instructions: "Be brief.", tools: [{ name: "get_weather" }], audio: { output: { voice: "marin" } } },
    });

    raw.socket.send(
      JSON.stringify({
        type: "conversation.item.create",
        item: { type: "message", role: "user", content: [{ type: "input_text", text: "Weather?" }] },
      }),
    );
    raw.socket.send(JSON.stringify({ type: "response.create" }));
    await eventually(() => raw.messages.some((m) => m.type === "response.done"), "the tool call's response");
    const types = raw.messages.map((m) => m.type as string);
    const first = types.indexOf("response.created");
    expect(types.slice(first, first + 5)).toEqual([
      "response.created",
      "response.output_item.added",
      "response.function_call_arguments.done",
      "response.output_item.done",
      "response.done",
    ]);
    expect(raw.messages.find((m) => m.type === "response.function_call_arguments.done")).toMatchObject({
      call_id: "call_1",
      name: "get_weather",
      arguments: '{"city":"Paris"}',
    });

    raw.socket.send(
      JSON.stringify({ type: "conversation.item.create", item: { type: "function_call_output", call_id: "call_1", output: '{"temp_c":14}' } }),
    );
    raw.socket.send(JSON.stringify({ type: "response.create" }));
    await eventually(() => s.sessions()[0]!.agent.spoke.includes("answer"), "the answer after the result");
    raw.socket.send(JSON.stringify({ type: "conversation.item.truncate", item_id: "turn-1", content_index: 0, audio_end_ms: 480 }));
    await eventually(() => raw.messages.some((m) => m.type === "conversation.item.truncated"), "conversation.item.truncated");
    const record = s.sessions()[0]!;
    expect(record.agent.texts).toEqual(["Weather?"]);
    expect(record.agent.tools).toEqual([{ callId: "call_1", name: "get_weather", output: '{"temp_c":14}' }]);
    expect(record.agent.heard).toEqual([{ turnId: "turn-1", heardMs: 480 }]);
    // The opening update (decoded after the handshake applied it), then the mid-session one.
    expect(record.agent.configs).toEqual([{ voice: "marin" }, { instructions: "Be brief.", tools: [weather] }]);
  });

  it("voxwire's client: connect()'s agent reaches the record, the VAD events and turn ids arrive, a call is answered, the barge-in is reported as heard", async () => {
    const s = await start(
      {},
      { script: { greeting: "greeting", answers: ["answer"], toolCall: { name: "get_weather", arguments: { city: "Oslo" } } } },
    );
    const agent = { instructions: "Weather only.", voice: "cedar", tools: [weather], turnDetection: "semantic" as const };
    const session = await connect(openai({ apiKey: KEY, model: "gpt-realtime", baseUrl: s.url }), {
      input: { sampleRate: 24000 },
      output: { sampleRate: 24000 },
      agent,
    });
    const seen: InboundEvent[] = [];
    for (const type of ["speech-started", "speech-stopped", "playback-clear", "tool-call", "audio-chunk"] as const)
      session.on(type, (e) => seen.push(e));
    session.handleTools({ get_weather: async (args) => ({ city: (args as { city: string }).city, temp_c: 3 }) });
    await eventually(() => seen.some((e) => e.type === "audio-chunk"), "the greeting");
    // Talk over the greeting (a barge-in), then be silent until the agent has answered.
    const tone = Int16Array.from({ length: 480 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 24000)));
    for (let i = 0; i < 40; i++) session.sendAudio(tone);
    for (let i = 0; i < 200; i++) session.sendAudio(new Int16Array(480));
    await eventually(() => s.sessions()[0]!.agent.spoke.includes("answer"), "the answer after the tool result");
    const clear = seen.find((e) => e.type === "playback-clear") as { turnId?: string } | undefined;
    expect(clear?.turnId).toBe("turn-1");
    session.reportHeard("turn-1", 300);
    await eventually(() => s.sessions()[0]!.agent.heard.length > 0, "the heard report");
    const record = s.sessions()[0]!;
    expect(record.agent.configs[0]).toEqual(agent);
    expect(record.agent.tools).toEqual([{ callId: "call_1", name: "get_weather", output: '{"city":"Oslo","temp_c":3}' }]);
    expect(record.agent.heard).toEqual([{ turnId: "turn-1", heardMs: 300 }]);
    expect(seen.map((e) => e.type)).toEqual(expect.arrayContaining(["speech-started", "speech-stopped", "tool-call"]));
    expect((seen.find((e) => e.type === "audio-chunk") as { turnId?: string }).turnId).toBe("turn-1");
    await session.close();
  });
});
