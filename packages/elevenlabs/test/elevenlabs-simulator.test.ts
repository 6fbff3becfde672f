// The ElevenLabs vendor front on the wire, with a raw `ws` socket (as ElevenLabs' own examples
// dial it) and with voxwire's client through a signed URL: the initiation first, the pings and
// what happens to a client that does not answer them, the signed-URL call, the late-audio fault.

import { type Simulator, startSimulator } from "@voxwire/conformance";
import { connect, type InboundEvent } from "@voxwire/core";
import { eventually } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { elevenlabs } from "../src/elevenlabs.js";
import { ELEVENLABS_PING_TIMEOUT_CLOSE, type ElevenlabsFrontOptions, elevenlabsFront } from "../src/testing/index.js";

const KEY = "voxwire-elevenlabs-test-key";
const AGENT = "agent_test";
let sim: Simulator | undefined;
const sockets: WebSocket[] = [];

async function start(front: ElevenlabsFrontOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ front: elevenlabsFront(front), fast: true, keys: [KEY] });
  return sim;
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await sim?.close();
  sim = undefined;
});

function rawSocket(url: string) {
  const socket = new WebSocket(url, ["convai"]);
  sockets.push(socket);
  const messages: Record<string, unknown>[] = [];
  socket.on("message", (data) => messages.push(JSON.parse(data.toString())));
  const upgrade = new Promise<number>((resolve) => {
    socket.once("open", () => resolve(101));
    socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );
  socket.on("error", () => {});
  return { socket, messages, upgrade, closed };
}

const conversationUrl = (s: Simulator, query = `agent_id=${AGENT}`) => `${s.url.replace(/^http/, "ws")}/v1/convai/conversation?${query}`;
const INITIATION = JSON.stringify({
  type: "conversation_initiation_client_data",
  conversation_config_override: { agent: { prompt: { prompt: "Hi" } } },
});
const types = (messages: Record<string, unknown>[]) => messages.map((m) => m.type);

describe("ElevenLabs simulator: the conversation socket", () => {
  it("echoes convai, waits for the initiation, then sends the metadata first and the agent's greeting", async () => {
    const s = await start({ outputFormat: "pcm_24000" });
    const raw = rawSocket(conversationUrl(s));
    expect(await raw.upgrade).toBe(101);
    expect(raw.socket.protocol).toBe("convai");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(raw.messages).toEqual([]); // nothing before the initiation
    raw.socket.send(INITIATION);
    await eventually(() => types(raw.messages).includes("audio"), "the greeting's audio");
    expect(raw.messages[0]).toEqual({
      type: "conversation_initiation_metadata",
      conversation_initiation_metadata_event: {
        conversation_id: "conv_sim-1",
        agent_output_audio_format: "pcm_24000",
        user_input_audio_format: "pcm_16000",
      },
    });
    const response = raw.messages.find((m) => m.type === "agent_response") as { agent_response_event: { event_id: number } };
    const audio = raw.messages.find((m) => m.type === "audio") as { audio_event: { event_id: number } };
    expect(audio.audio_event.event_id).toBe(response.agent_response_event.event_id);
  });

  it("pings on its clock, takes pongs, and closes a client that stops answering with 1002 ping_timeout", async () => {
    const s = await start({ pingIntervalMs: 100 });
    const raw = rawSocket(conversationUrl(s));
    await raw.upgrade;
    raw.socket.send(INITIATION);
    let answered = 0;
    raw.socket.on("message", (data) => {
      const message = JSON.parse(data.toString());
      if (message.type !== "ping" || answered >= 2) return;
      answered++;
      raw.socket.send(JSON.stringify({ type: "pong", event_id: message.ping_event.event_id }));
    });
    expect(await raw.closed).toEqual(ELEVENLABS_PING_TIMEOUT_CLOSE);
    expect(types(raw.messages).filter((t) => t === "ping")).toHaveLength(3); // two answered, the third not
    const pings = raw.messages.filter((m) => m.type === "ping") as { ping_event: { event_id: number } }[];
    expect(new Set(pings.map((p) => p.ping_event.event_id)).size).toBe(3);
  });

  it("refuses an unknown signature, and a missing one when the agent is private", async () => {
    const s = await start({ requireSignature: true });
    expect(await rawSocket(conversationUrl(s)).upgrade).toBe(403);
    expect(await rawSocket(conversationUrl(s, `agent_id=${AGENT}&conversation_signature=forged`)).upgrade).toBe(403);
    expect(await rawSocket(conversationUrl(s, "")).upgrade).toBe(400);
  });

  it("answers get-signed-url with a URL to itself for a good key, 401 for a bad one", async () => {
    const s = await start({ requireSignature: true });
    const ask = (key: string) => fetch(`${s.url}/v1/convai/conversation/get-signed-url?agent_id=${AGENT}`, { headers: { "xi-api-key": key } });
    const bad = await ask("nope");
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ detail: { status: "invalid_api_key", message: "Invalid API key" } });
    const { signed_url } = (await (await ask(KEY)).json()) as { signed_url: string };
    expect(signed_url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v1\/convai\/conversation\?agent_id=agent_test&conversation_signature=[\w-]{32}$/);
    expect(await rawSocket(signed_url).upgrade).toBe(101);
  });
});

describe("ElevenLabs simulator with voxwire's client", () => {
  it("a private agent through the key: signed URL, pings answered unseen, late audio after the barge-in dropped", async () => {
    const s = await start({ requireSignature: true, pingIntervalMs: 50, staleAudioFrames: 4 });
    const session = await connect(elevenlabs({ agentId: AGENT, apiKey: KEY, baseUrl: s.url }), {
      input: { sampleRate: 16000 },
      output: { sampleRate: 16000 },
      agent: { instructions: "Be brief.", voice: "voice_1", language: "en-GB" },
    });
    const events: InboundEvent[] = [];
    session.on("*", (event) => events.push(event));
    await eventually(() => events.some((e) => e.type === "audio-chunk"), "the greeting");
    // Talk over the greeting: the agent stops, and the simulator sends 4 late frames of the cut turn.
    const tone = new Int16Array(16000);
    for (let i = 0; i < tone.length; i++) tone[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16000));
    session.sendAudio(tone);
    session.sendAudio(new Int16Array(16000));
    await eventually(() => events.some((e) => e.type === "transcript-end" && e.role === "user"), "the user's turn");
    await new Promise((resolve) => setTimeout(resolve, 100)); // a few pings
    await session.close();

    const clear = events.findIndex((e) => e.type === "playback-clear");
    expect(clear).toBeGreaterThan(0);
    const dropped = events.filter((e) => e.type === "debug" && /dropped agent audio/.test(e.message));
    expect(dropped).toHaveLength(4);
    const cut = events.find((e) => e.type === "playback-clear")!;
    expect(events.slice(clear).some((e) => e.type === "audio-chunk" && e.turnId === (cut as { turnId?: string }).turnId)).toBe(false);
    expect(events.some((e) => e.type === "passthrough" && e.name === "ping")).toBe(false);
    const [record] = s.sessions();
    expect(record!.close?.reason).not.toBe("ping_timeout");
    expect(record!.details).toMatchObject({ signed: true, agentId: AGENT });
    expect(record!.agent.bargeIns).toBe(1);
    expect(record!.agent.configs).toEqual([{ instructions: "Be brief.", voice: "voice_1", language: "en" }]);
  });
});
