// The Omni simulator on the wire, driven by a bare `ws` client written the way the Omni browser guide (docs/sources.md) dials.

import { joinSamples, type Simulator, type SimulatorOptions, silence, sine, startSimulator } from "@voxwire/conformance";
import { eventually, frames20ms, rawOmniClient, syntheticClips } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { omniFront } from "../src/testing/index.js";

const RATE = 24000;
let sim: Simulator | undefined;

async function start(options: Partial<SimulatorOptions> = {}): Promise<Simulator> {
  sim = await startSimulator({ front: omniFront(), fast: true, clips: syntheticClips(RATE), ...options });
  return sim;
}

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const types = (texts: Record<string, unknown>[]) => texts.map((t) => t.type);

describe("Omni simulator: a call", () => {
  it("echoes the key subprotocol, says hello, starts the session and greets in 20 ms frames", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    expect(client.socket.protocol).toBe("pyai-key.voxwire-test-key");
    const greeting = syntheticClips(RATE).at("greeting", RATE);
    await client.until(() => client.binaries.length === greeting.frames.length);
    expect(types(client.texts).slice(0, 2)).toEqual(["hello", "session_started"]);
    expect(client.texts[1]).toMatchObject({ session_id: "sim-1" });
    expect(client.texts).toContainEqual({ type: "transcript", role: "agent", text: "Hello, how can I help?", final: true });
    expect(new Set(client.binaries.map((b) => b.byteLength))).toEqual(new Set([960])); // 480 samples at 24 kHz
    client.socket.close();
  });

  it("records the user's audio at the declared rate and answers after 600 ms of silence", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    const greetingFrames = syntheticClips(RATE).at("greeting", RATE).frames.length;
    await client.until(() => client.binaries.length === greetingFrames);
    // Silence first (the greeting plays out), then a 1 s utterance, then 700 ms of silence.
    const user = joinSamples([silence(RATE, 0.4), sine(RATE, 1, 220), silence(RATE, 0.7)]);
    for (const frame of frames20ms(user, RATE)) client.sendAudio(frame);
    await client.until(() => client.texts.some((t) => t.role === "user"));
    await client.until(() => client.binaries.length === greetingFrames + syntheticClips(RATE).at("answer", RATE).frames.length);

    expect(client.texts).toContainEqual({ type: "transcript", role: "user", text: "[speech 1.0 s]", final: true });
    expect(client.texts).toContainEqual({ type: "transcript", role: "agent", text: "Sure, I can help with that.", final: true });
    expect(types(client.texts)).not.toContain("flush");

    // The answer starts 600 ms into the trailing silence; the rest of it may still be in flight.
    await eventually(() => s.sessions()[0]!.received.audio.samples === user.length);
    const [record] = s.sessions();
    expect(record).toMatchObject({
      dialect: "omni",
      state: "live",
      rates: { user: RATE, agent: RATE },
      details: { agentId: "agent_123", rate: RATE },
    });
    expect(record!.received.audio).toMatchObject({ frames: 105, samples: user.length, frameSamples: { 480: 105 } });
    expect(record!.received.audio.seconds).toBeCloseTo(2.1, 5);
    expect(record!.agent.utterances).toEqual([{ startMs: 400, durationMs: 1000 }]);
    expect(record!.agent.spoke).toEqual(["greeting", "answer"]);
    client.socket.close();
  });

  it("barge-in: user speech over the agent sends flush and stops the agent", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    for (const frame of frames20ms(sine(RATE, 0.1, 220), RATE)) client.sendAudio(frame);
    await client.until(() => types(client.texts).includes("flush"));
    const [record] = s.sessions();
    expect(record!.agent.bargeIns).toBe(1);
    expect(record!.sent.events["playback-clear"]).toBe(1);
    client.socket.close();
  });

  it("records client DTMF, and 0 makes the agent ask for a human", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    client.socket.send(JSON.stringify({ type: "dtmf", digit: "4" }));
    client.socket.send(JSON.stringify({ type: "dtmf", digit: "0" }));
    await client.until(() => types(client.texts).includes("transfer_to_human"));
    expect(s.sessions()[0]!.received.dtmf).toEqual(["4", "0"]);
    expect(s.sessions()[0]!.received.commands).toMatchObject([
      { type: "dtmf-send", digit: "4" },
      { type: "dtmf-send", digit: "0" },
    ]);
    client.socket.close();
  });

  it("injects agent events into a live session", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    await client.until(() => s.liveSessions().length === 1);
    s.liveSessions()[0]!.inject({ type: "dtmf-received", digit: "9" });
    await client.until(() => types(client.texts).includes("dtmf"));
    expect(client.texts).toContainEqual({ type: "dtmf", digit: "9" });
    client.socket.close();
  });

  it("records the client's close and frees the session", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    client.socket.close(1000, "bye");
    await client.closed;
    await Promise.all(s.liveSessions().map((live) => live.ended));
    expect(s.liveSessions()).toEqual([]);
    expect(s.sessions()[0]).toMatchObject({ state: "ended", close: { code: 1000, reason: "bye", by: "client" } });
  });
});

describe("Omni simulator: documented failures", () => {
  it("closes 4401 for an unknown key, and 4403 for a key without omni:session", async () => {
    const s = await start({ keysWithoutScope: ["scopeless-key"] });
    const bad = await rawOmniClient(s.wsUrl, { key: "wrong-key" });
    expect(bad.socket.protocol).toBe("pyai-key.wrong-key"); // echoed, or a browser would see only 1006
    expect(await bad.closed).toEqual({ code: 4401, reason: "invalid_key" });
    const scopeless = await rawOmniClient(s.wsUrl, { key: "scopeless-key" });
    expect(await scopeless.closed).toEqual({ code: 4403, reason: "missing_scope: omni:session" });
    const none = await rawOmniClient(s.wsUrl, { protocols: [] });
    expect((await none.closed).code).toBe(4401);
    expect(s.sessions().map((r) => r.state)).toEqual(["refused", "refused", "refused"]);
    expect(bad.binaries).toEqual([]);
  });

  it("answers HTTP 400 invalid_agent_id at the upgrade for a malformed or unknown agent", async () => {
    const s = await start({ agents: ["agent_123"] });
    await expect(rawOmniClient(s.wsUrl, { agentId: "bad%20id" })).rejects.toMatchObject({ status: 400, body: '{"error":"invalid_agent_id"}' });
    await expect(rawOmniClient(s.wsUrl, { agentId: "agent_999" })).rejects.toMatchObject({ status: 400 });
    await expect(rawOmniClient(s.wsUrl, { rate: 44100 })).rejects.toMatchObject({ status: 400, body: expect.stringContaining("invalid_rate") });
  });

  it("answers HTTP 429 concurrency_limit_exceeded past --max-sessions, and admits again once one ends", async () => {
    const s = await start({ maxSessions: 1 });
    const first = await rawOmniClient(s.wsUrl);
    await expect(rawOmniClient(s.wsUrl)).rejects.toMatchObject({ status: 429, body: '{"error":"concurrency_limit_exceeded"}' });
    first.socket.close();
    await first.closed;
    await Promise.all(s.liveSessions().map((live) => live.ended));
    const again = await rawOmniClient(s.wsUrl);
    again.socket.close();
  });

  it("closes 4403 origin_not_allowed for a browser origin that is not allowed", async () => {
    const s = await start({ allowedOrigins: ["http://good.test"] });
    const bad = await rawOmniClient(s.wsUrl, { origin: "http://evil.test" });
    expect(await bad.closed).toEqual({ code: 4403, reason: "origin_not_allowed" });
    const good = await rawOmniClient(s.wsUrl, { origin: "http://good.test" });
    await good.until(() => good.texts.length > 0);
    good.socket.close();
  });

  it("answers 404 for other paths, and CORS preflights", async () => {
    const s = await start();
    const res = await fetch(`${s.url}/v1/other`);
    expect(res.status).toBe(404);
    const preflight = await fetch(`${s.url}/v1/omni`, { method: "OPTIONS", headers: { origin: "http://page.test" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://page.test");
  });
});

describe("Omni simulator: fault switches", () => {
  it("malformed frames arrive before the greeting", async () => {
    const s = await start({ faults: { malformed: true } });
    const client = await rawOmniClient(s.wsUrl);
    await client.until(() => client.binaries.some((b) => b.byteLength === 3) && client.binaries.length > 1);
    expect(client.texts).toContainEqual({ unparsed: '{"type":"hel' });
    expect(client.texts).toContainEqual({ no_type: true });
    client.socket.close();
  });

  it("a mid-call shutdown sends session_ending and closes 1001", async () => {
    const s = await start({ faults: { shutdownAfterMs: 0 } });
    const client = await rawOmniClient(s.wsUrl);
    expect(await client.closed).toEqual({ code: 1001, reason: "server_shutdown" });
    expect(client.texts).toContainEqual({ type: "session_ending", reason: "server_shutdown" });
    expect(s.sessions()[0]!.close).toMatchObject({ code: 1001, by: "server" });
  });

  it("a slow reader still records every frame in the end", async () => {
    const s = await start({ faults: { slowReaderMs: 30 } });
    const client = await rawOmniClient(s.wsUrl);
    for (const frame of frames20ms(silence(RATE, 0.2), RATE)) client.sendAudio(frame);
    await eventually(() => s.sessions()[0]!.received.audio.frames === 10);
    expect(s.sessions()[0]!.received.audio.samples).toBe(4800);
    client.socket.close();
  });

  it("close() shuts live calls down the dialect's way (session_ending, then 1001) and resolves when all is released", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    await client.until(() => client.texts.some((t) => t.type === "session_started"));
    await s.close();
    expect(await client.closed).toEqual({ code: 1001, reason: "server_shutdown" });
    expect(client.texts).toContainEqual({ type: "session_ending", reason: "server_shutdown" });
    expect(s.liveSessions()).toEqual([]);
    expect(s.sessions()[0]!.close).toMatchObject({ code: 1001, by: "server" });
  });

  it("close() drops a client that never answers the close frame after a short drain", async () => {
    const s = await start();
    const client = await rawOmniClient(s.wsUrl);
    await client.until(() => client.texts.some((t) => t.type === "session_started"));
    client.socket.pause(); // reads nothing more: the close frame is never answered
    await s.close();
    expect(s.liveSessions()).toEqual([]);
    client.socket.terminate();
  });
});
