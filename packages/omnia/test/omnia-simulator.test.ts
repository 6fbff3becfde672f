// The Omnia simulator on the wire, driven the way the Omnia Voice guide's client (docs/sources.md) drives it: fetch, then a bare socket.

import { joinSamples, type Simulator, type SimulatorOptions, silence, sine, startSimulator } from "@voxwire/conformance";
import { eventually, syntheticClips } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { type OmniaFrontOptions, omniaFront } from "../src/testing/index.js";
import { createCall, joinCall, refusedJoin } from "./omnia-raw-client.js";

let sim: Simulator | undefined;

async function start(options: Partial<SimulatorOptions> = {}, front: OmniaFrontOptions = {}, agentRate = 48000): Promise<Simulator> {
  sim = await startSimulator({ front: omniaFront(front), fast: true, clips: syntheticClips(agentRate), ...options });
  return sim;
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** `samples` in 10 ms blocks, as the Omnia Voice guide's recorder sends them. */
function blocks10ms(samples: Int16Array, rate: number): Int16Array[] {
  const size = rate / 100;
  const out: Int16Array[] = [];
  for (let i = 0; i < samples.length; i += size) out.push(samples.subarray(i, i + size));
  return out;
}

const types = (texts: Record<string, unknown>[]) => texts.map((t) => t.type);

describe("Omnia simulator: creating a call", () => {
  it("answers 201 with a single-use ws URL on the simulator that carries the rates", async () => {
    const s = await start();
    const { status, body } = await createCall(s.url, { inputSampleRate: 16000, outputSampleRate: 24000 });
    expect(status).toBe(201);
    expect(Object.keys(body)).toEqual(["websocketUrl"]);
    const url = new URL(body.websocketUrl as string);
    expect(`${url.protocol}//${url.host}`).toBe(s.wsUrl);
    expect(url.pathname).toMatch(/^\/api\/v1\/calls\/[0-9a-f-]{36}\/websocket$/);
    expect(url.searchParams.get("inputSampleRate")).toBe("16000");
    expect(url.searchParams.get("outputSampleRate")).toBe("24000");
    expect(url.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("answers 200 when the front is asked to", async () => {
    const s = await start({}, { createStatus: 200 });
    expect((await createCall(s.url)).status).toBe(200);
  });

  it("refuses a bad or missing X-API-Key with 401 and a JSON body", async () => {
    const s = await start({ keys: ["the-key"] });
    for (const key of ["wrong", ""]) {
      expect(await createCall(s.url, { key })).toEqual({ status: 401, body: { error: "unauthorized", message: "invalid or missing X-API-Key" } });
    }
    expect((await createCall(s.url, { key: "the-key" })).status).toBe(201);
  });

  it("refuses bad rates, a bad body and an unknown agent with a JSON body", async () => {
    const s = await start({ agents: ["agent_7"] });
    for (const rate of [7999, 48001, 16000.5, "16000", null]) {
      const answer = await createCall(s.url, { inputSampleRate: rate });
      expect(answer).toMatchObject({ status: 400, body: { error: "invalid_sample_rate" } });
      expect(answer.body.message).toContain("inputSampleRate");
    }
    expect(await createCall(s.url, { outputSampleRate: 4000 })).toMatchObject({ status: 400, body: { error: "invalid_sample_rate" } });
    expect(await createCall(s.url, { body: "{nope" })).toMatchObject({ status: 400, body: { error: "invalid_json" } });
    expect(await createCall(s.url, { body: { agentId: "agent_7", connectionType: "sip" } })).toMatchObject({ status: 400 });
    expect(await createCall(s.url, { agentId: "" })).toMatchObject({ status: 400, body: { error: "invalid_agent_id" } });
    expect(await createCall(s.url, { agentId: "agent_9" })).toMatchObject({ status: 404, body: { error: "agent_not_found" } });
  });

  it("refuses a call over the session limit with 429", async () => {
    const s = await start({ maxSessions: 1 });
    const first = await joinCall((await createCall(s.url)).body.websocketUrl as string);
    expect(await createCall(s.url)).toMatchObject({ status: 429, body: { error: "concurrency_limit_exceeded" } });
    first.socket.close();
  });
});

describe("Omnia simulator: the call's socket", () => {
  it("is single-use: a second join is 410; a wrong token 401; an unknown call 404; changed rates 400", async () => {
    const s = await start();
    const url = (await createCall(s.url)).body.websocketUrl as string;
    const client = await joinCall(url);
    expect(await refusedJoin(url)).toMatchObject({ status: 410, body: { error: "call_already_joined" } });
    client.socket.close();

    const fresh = new URL((await createCall(s.url)).body.websocketUrl as string);
    const withToken = new URL(fresh);
    withToken.searchParams.set("token", "x");
    expect(await refusedJoin(withToken.href)).toMatchObject({ status: 401, body: { error: "invalid_call_token" } });
    const withRate = new URL(fresh);
    withRate.searchParams.set("outputSampleRate", "8000");
    expect(await refusedJoin(withRate.href)).toMatchObject({ status: 400, body: { error: "rate_mismatch" } });
    // Another call id: the first hex digit changed (replacing it with "0" changed nothing when the id began with 0).
    const unknown = fresh.href.replace(/calls\/([0-9a-f])/, (_match, digit: string) => `calls/${digit === "0" ? "1" : "0"}`);
    expect(unknown).not.toBe(fresh.href);
    expect(await refusedJoin(unknown)).toMatchObject({ status: 404 });
    expect(s.sessions()).toHaveLength(1);
  });

  it("starts the call, greets with word deltas then a final, at the output rate, and records the input rate", async () => {
    const s = await start({}, {}, 24000);
    const client = await joinCall((await createCall(s.url, { inputSampleRate: 16000, outputSampleRate: 24000 })).body.websocketUrl as string);
    const greeting = syntheticClips(24000).at("greeting", 24000);
    await client.until(() => client.binaries.length === greeting.frames.length);
    expect(client.texts[0]).toEqual({ type: "call_started", callId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(client.texts.slice(1)).toEqual([
      { type: "state", state: "listening" },
      { type: "state", state: "speaking" },
      { type: "transcript", role: "agent", delta: "Hello, ", final: false },
      { type: "transcript", role: "agent", delta: "how ", final: false },
      { type: "transcript", role: "agent", delta: "can ", final: false },
      { type: "transcript", role: "agent", delta: "I ", final: false },
      { type: "transcript", role: "agent", delta: "help?", final: false },
      { type: "transcript", role: "agent", text: "Hello, how can I help?", final: true },
    ]);
    expect(new Set(client.binaries.map((b) => b.byteLength))).toEqual(new Set([960])); // 20 ms at 24 kHz
    const [record] = s.sessions();
    expect(record).toMatchObject({
      dialect: "omnia",
      rates: { user: 16000, agent: 24000 },
      details: { inputSampleRate: 16000, outputSampleRate: 24000 },
    });
    expect(record!.details).not.toHaveProperty("token");
    client.socket.close();
  });

  it("starts listening, greets, then goes listening → thinking → speaking → listening around a user turn, with the user's transcript", async () => {
    const s = await start();
    const client = await joinCall((await createCall(s.url)).body.websocketUrl as string);
    await client.until(() => client.binaries.length > 0);
    // The greeting plays out during the first silence (fast mode: audio time), then a 1 s utterance.
    const user = joinSamples([silence(48000, 0.4), sine(48000, 1, 220), silence(48000, 0.7), silence(48000, 0.4)]);
    for (const block of blocks10ms(user, 48000)) client.sendAudio(block);
    await client.until(() => client.texts.filter((t) => t.type === "state").length >= 6);
    expect(client.texts.filter((t) => t.type === "state").map((t) => t.state)).toEqual([
      "listening",
      "speaking",
      "listening",
      "thinking",
      "speaking",
      "listening",
    ]);
    expect(client.texts).toContainEqual({ type: "transcript", role: "user", text: "[speech 1.0 s]", final: true });
    expect(client.texts).toContainEqual({ type: "transcript", role: "agent", text: "Sure, I can help with that.", final: true });
    expect(types(client.texts)).not.toContain("playback_clear_buffer");
    // The answer starts 600 ms into the trailing silence; the rest of it may still be in flight.
    await eventually(() => s.sessions()[0]!.received.audio.samples === user.length);
    expect(s.sessions()[0]!.received.audio).toMatchObject({ samples: user.length, frameSamples: { 480: user.length / 480 } });
    client.socket.close();
  });

  it("barge-in: user speech over the greeting sends playback_clear_buffer, then listening", async () => {
    const s = await start();
    const client = await joinCall((await createCall(s.url)).body.websocketUrl as string);
    for (const block of blocks10ms(sine(48000, 0.1, 220), 48000)) client.sendAudio(block);
    await client.until(() => types(client.texts).includes("playback_clear_buffer"));
    const after = client.texts.slice(types(client.texts).indexOf("playback_clear_buffer"));
    expect(after[1]).toEqual({ type: "state", state: "listening" });
    expect(s.sessions()[0]!.agent.bargeIns).toBe(1);
    client.socket.close();
  });

  it("sends debug messages only when asked", async () => {
    const quiet = await start();
    const a = await joinCall((await createCall(quiet.url)).body.websocketUrl as string);
    await a.until(() => a.binaries.length > 0);
    expect(types(a.texts)).not.toContain("debug");
    a.socket.close();
    await quiet.close();

    const s = await start({}, { debug: true });
    const client = await joinCall((await createCall(s.url)).body.websocketUrl as string);
    for (const block of blocks10ms(sine(48000, 0.1, 220), 48000)) client.sendAudio(block);
    await client.until(() => client.texts.some((t) => t.type === "debug" && String(t.message).startsWith("barge-in")));
    const debug = client.texts.filter((t) => t.type === "debug").map((t) => t.message);
    expect(debug[0]).toMatch(/^call started \(/);
    expect(debug).toContain("state: speaking");
    expect(debug).toContain("state: listening");
    client.socket.close();
  });

  it("tolerates a client's text frames and odd-length audio, recording them", async () => {
    const s = await start();
    const client = await joinCall((await createCall(s.url)).body.websocketUrl as string);
    client.socket.send(JSON.stringify({ type: "ping", timestamp: 1 }));
    client.socket.send(Buffer.from([1, 2, 3]));
    client.socket.send(JSON.stringify({ type: "hang_up", message: "bye" }));
    const closed = await client.closed;
    expect(closed.code).toBe(1000);
    expect(s.sessions()[0]!.received.commands).toMatchObject([
      { type: "passthrough", name: "ping" },
      { type: "error", code: "invalid_audio" },
      { type: "session-stop", reason: "bye" },
    ]);
  });
});
