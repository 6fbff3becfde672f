// The Gemini vendor front on the wire, with a raw `ws` socket dialing as @google/genai does (the
// URL's double slash included) and with voxwire's client: the key and token paths, the setup
// handshake, resumption handles issued and honoured, goAway before each connection's end, and
// the token route minting against the simulator.
import { type Simulator, type SimulatorOptions, startSimulator } from "@voxwire/conformance";
import type { Session } from "@voxwire/core";
import { connectCollecting, eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { gemini } from "../src/gemini.js";
import { createGeminiTokenRoute } from "../src/server/token-route.js";
import { GEMINI_FRONT_REFUSALS, type GeminiFrontOptions, geminiFront } from "../src/testing/index.js";

const KEY = "voxwire-gemini-test-key";
const MODEL = "gemini-live-2.5-flash-preview";
const PATH = "//ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
const GREETING = "Hello, how can I help?";
const ANSWER = "Sure, I can help with that.";
let sim: Simulator | undefined;
const sockets: WebSocket[] = [];
const sessions: Session[] = [];

async function start(front: GeminiFrontOptions = {}, more: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  sim = await startSimulator({ front: geminiFront(front), fast: true, keys: [KEY], ...more });
  return sim;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  for (const session of sessions.splice(0)) await session.close();
  await sim?.close();
  sim = undefined;
});

function rawSocket(url: string) {
  const socket = new WebSocket(url);
  sockets.push(socket);
  const messages: Record<string, unknown>[] = [];
  socket.on("message", (data) => messages.push(JSON.parse(data.toString()) as Record<string, unknown>));
  const upgrade = new Promise<number>((resolve) => {
    socket.once("open", () => resolve(101));
    socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on("error", () => {});
  return { socket, messages, upgrade, closed };
}

const wsUrl = (s: Simulator, query = `?key=${KEY}`, path = PATH) => `${s.url.replace(/^http/, "ws")}${path}${query}`;
const setup = (more: Record<string, unknown> = {}) => JSON.stringify({ setup: { model: `models/${MODEL}`, outputAudioTranscription: {}, ...more } });
const agentTexts = (messages: Record<string, unknown>[]) =>
  messages.flatMap((m) => {
    const text = (m.serverContent as { outputTranscription?: { text?: string } } | undefined)?.outputTranscription?.text;
    return text === undefined ? [] : [text];
  });
const handlesIn = (messages: Record<string, unknown>[]) =>
  messages.flatMap((m) => {
    const update = m.sessionResumptionUpdate as { newHandle?: string; resumable?: boolean } | undefined;
    return update?.resumable ? [update.newHandle!] : [];
  });

describe("Gemini simulator: the BidiGenerateContent socket", () => {
  it("takes the SDK's //ws/… URL and the key in the query; setup first, then setupComplete and the greeting", async () => {
    const s = await start();
    const raw = rawSocket(wsUrl(s));
    expect(await raw.upgrade).toBe(101);
    raw.socket.send(setup());
    await eventually(() => agentTexts(raw.messages).length > 0, "the greeting's transcription");
    expect(raw.messages[0]).toEqual({ setupComplete: {} });
    expect(agentTexts(raw.messages)).toEqual([GREETING]);
    expect(s.sessions()[0]!.details).toMatchObject({ auth: "key", apiVersion: "v1beta", model: `models/${MODEL}`, resumed: false });
  });

  it("refuses a wrong key with close 1007 after the upgrade, another path with 404, a first message that is not setup with 1007", async () => {
    const s = await start();
    const wrong = rawSocket(wsUrl(s, "?key=nope"));
    expect(await wrong.upgrade).toBe(101);
    expect(await wrong.closed).toEqual(GEMINI_FRONT_REFUSALS.badKey);
    expect(await rawSocket(wsUrl(s, `?key=${KEY}`, "/ws/google.ai.generativelanguage.v1beta.GenerativeService.Other")).upgrade).toBe(404);
    const early = rawSocket(wsUrl(s));
    await early.upgrade;
    early.socket.send('{"realtimeInput":{"text":"hi"}}');
    expect(await early.closed).toEqual(GEMINI_FRONT_REFUSALS.notSetup);
  });

  it("issues a resumption handle after setupComplete; a setup naming it resumes without a second greeting", async () => {
    const s = await start();
    const first = rawSocket(wsUrl(s));
    await first.upgrade;
    first.socket.send(setup({ sessionResumption: {} }));
    await eventually(() => handlesIn(first.messages).length > 0, "a resumption handle");
    expect(first.messages[1]).toMatchObject({ sessionResumptionUpdate: { resumable: true } });
    first.socket.close();

    const second = rawSocket(wsUrl(s));
    await second.upgrade;
    second.socket.send(setup({ sessionResumption: { handle: handlesIn(first.messages)[0] } }));
    await eventually(() => second.messages.length >= 2, "setupComplete and a new handle");
    second.socket.send('{"realtimeInput":{"text":"Are you there?"}}');
    await eventually(() => agentTexts(second.messages).length > 0, "the answer");
    expect(agentTexts(second.messages)).toEqual([ANSWER]);
    expect(s.sessions()[1]!.details).toMatchObject({ resumed: true });

    const stale = rawSocket(wsUrl(s));
    await stale.upgrade;
    stale.socket.send(setup({ sessionResumption: { handle: "never-issued" } }));
    expect(await stale.closed).toEqual(GEMINI_FRONT_REFUSALS.badHandle);
  });

  it("with connectionMs, sends goAway with the time left, then ends the connection with 1011", async () => {
    const s = await start({ connectionMs: 300, goAwayMs: 100 });
    const raw = rawSocket(wsUrl(s));
    await raw.upgrade;
    raw.socket.send(setup());
    expect(await raw.closed).toEqual({ code: 1011, reason: "Deadline expired." });
    expect(raw.messages).toContainEqual({ goAway: { timeLeft: "0.1s" } });
  });
});

/** How a session is refused: connect() rejecting, or the session ending with an error (a refusal after the upgrade). */
async function refusalOf(dialect: ReturnType<typeof gemini>): Promise<{ code?: string; message: string }> {
  try {
    const call = await connectCollecting(dialect, { input: { sampleRate: 16000 }, output: { sampleRate: 24000 } }, sessions);
    await call.drained;
    const error = call.of("error")[0];
    return error ? { code: error.code, message: error.message } : { message: "not refused" };
  } catch (error) {
    return error as { code?: string; message: string };
  }
}

describe("voxwire's client against the simulator", () => {
  it("maps the agent option onto setup, which the simulator records, and hears the greeting at 24 kHz", async () => {
    const s = await start();
    const agent = { instructions: "Be brief.", voice: "Puck", tools: [{ name: "lookup", parameters: { type: "object" } }] };
    const call = await connectCollecting(
      gemini({ apiKey: KEY, model: MODEL, baseUrl: s.url }),
      { input: { sampleRate: 16000 }, output: { sampleRate: 24000 }, agent },
      sessions,
    );
    await eventually(() => call.of("audio-chunk").length > 0 && call.of("transcript-delta").length > 0, "the greeting");
    expect(call.of("transcript-delta")[0]).toMatchObject({ role: "agent", text: GREETING });
    expect(s.sessions()[0]!.agent.configs).toEqual([agent]);
  });

  it("answers the scripted tool call through toolResponse, and the agent answers after it", async () => {
    const s = await start({}, { script: { greeting: "greeting", answers: ["answer"], toolCall: { name: "lookup", arguments: { q: "x" } } } });
    const call = await connectCollecting(
      gemini({ apiKey: KEY, model: MODEL, baseUrl: s.url }),
      { input: { sampleRate: 16000 }, output: { sampleRate: 24000 }, agent: { tools: [{ name: "lookup" }] } },
      sessions,
    );
    call.session.handleTools({ lookup: async (args) => ({ found: args }) });
    await eventually(() => call.of("session-started").length > 0, "the session");
    call.session.sendText("look it up");
    await eventually(() => call.of("transcript-delta").some((e) => e.text === ANSWER), "the answer after the tool");
    expect(call.of("tool-call")).toMatchObject([{ callId: "call_1", name: "lookup", arguments: { q: "x" } }]);
    expect(s.sessions()[0]!.agent.tools).toEqual([{ callId: "call_1", name: "lookup", output: { found: { q: "x" } } }]);
  });

  it("a browser's ephemeral token, minted by the token route against the simulator, opens one session", async () => {
    const s = await start();
    const route = createGeminiTokenRoute({ apiKey: KEY, baseUrl: s.url, authorize: "public" });
    const answer = await route.fetch(new Request("http://app.invalid/token", { method: "POST" }));
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    expect(token).toMatch(/^auth_tokens\//);
    const call = await connectCollecting(
      gemini({ token, model: MODEL, baseUrl: s.url }),
      { input: { sampleRate: 16000 }, output: { sampleRate: 24000 } },
      sessions,
    );
    await eventually(() => call.of("session-started").length > 0, "the session");
    expect(s.sessions()[0]!.details).toMatchObject({ auth: "token", apiVersion: "v1alpha" });

    // Spent (one use): refused at setup, close 1007.
    const again = await refusalOf(gemini({ token, model: MODEL, baseUrl: s.url }));
    expect(again).toMatchObject({ code: "auth_failed" });
    expect(again.message).not.toContain(token);
  });

  it("a refused key ends the session with auth_failed, and no error text holds the key", async () => {
    const s = await start();
    const wrong = "AIzaWrongKey_abcdefghijklmnop";
    const refused = await refusalOf(gemini({ apiKey: wrong, model: MODEL, baseUrl: s.url }));
    expect(refused).toMatchObject({ code: "auth_failed" });
    expect(refused.message).not.toContain(wrong);
  });

  it("the token route answers 502 upstream_refused, never the vendor's text, when the key is refused", async () => {
    const s = await start();
    const route = createGeminiTokenRoute({ apiKey: "wrong-key-000", baseUrl: s.url, authorize: "public" });
    const answer = await route.fetch(new Request("http://app.invalid/token", { method: "POST" }));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({ error: "the credential service refused the request", code: "upstream_refused" });
  });
});
