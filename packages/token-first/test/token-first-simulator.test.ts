// The token-first simulator on the wire, driven the way the token-first guide's page (docs/sources.md) does it: the token call,
// then a bare socket whose first message the test chooses.

import { type Simulator, type SimulatorOptions, silence, sine, startSimulator } from "@voxwire/conformance";
import { eventually, syntheticClips } from "@voxwire/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { type TokenFirstFrontOptions, tokenFirstFront } from "../src/testing/index.js";
import { type RawTokenFirstClient, rawTokenFirstClient, requestToken } from "./token-first-raw-client.js";

const KEY = "tf_test_S1mKey";
const RATE = 16000;
let sim: Simulator | undefined;
const clients: RawTokenFirstClient[] = [];

async function start(options: Partial<SimulatorOptions> = {}, front: TokenFirstFrontOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ front: tokenFirstFront(front), fast: true, keys: [KEY], clips: syntheticClips(RATE), ...options });
  return sim;
}

async function token(s: Simulator): Promise<{ token: string; ws_url: string }> {
  const answer = await requestToken(s.url, KEY);
  expect(answer.status).toBe(200);
  return (await answer.json()) as { token: string; ws_url: string };
}

/** Opens `ws_url` and sends `first` as the first message. */
async function dial(wsUrl: string, first?: string | Uint8Array): Promise<RawTokenFirstClient> {
  const client = rawTokenFirstClient(wsUrl);
  clients.push(client);
  await client.opened;
  if (first !== undefined) client.socket.send(first);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.socket.terminate();
  await sim?.close();
  sim = undefined;
});

const types = (texts: Record<string, unknown>[]) => texts.map((t) => t.type);

describe("token-first simulator: the token endpoint", () => {
  it("answers a simulator key with a fresh { token, ws_url } on the simulator's host", async () => {
    const s = await start();
    const first = await token(s);
    const second = await token(s);
    expect(Object.keys(first).sort()).toEqual(["token", "ws_url"]);
    expect(first.ws_url).toBe(`${s.wsUrl}/api/v1/sdk/ws`);
    expect(first.token).not.toBe(second.token);
  });

  it("refuses a missing or unknown key with 401, a key without the session scope with 403, other methods with 405", async () => {
    const s = await start({ keysWithoutScope: ["tf_test_NoScope"] });
    for (const key of [undefined, "tf_test_Wrong"]) {
      const answer = await requestToken(s.url, key);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toBe("application/json");
      expect(await answer.json()).toMatchObject({ error: "invalid_api_key" });
    }
    expect((await requestToken(s.url, "tf_test_NoScope")).status).toBe(403);
    expect((await fetch(`${s.url}/api/v1/sdk/token`)).status).toBe(405);
  });

  it("serves a page on another origin: the preflight for its Authorization header, and CORS on the answer", async () => {
    const s = await start();
    const preflight = await fetch(`${s.url}/api/v1/sdk/token`, {
      method: "OPTIONS",
      headers: { origin: "http://page.test", "access-control-request-method": "POST", "access-control-request-headers": "authorization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://page.test");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("POST");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    const answer = await requestToken(s.url, KEY, { origin: "http://page.test" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://page.test");
  });

  it("refuses an origin outside allowedOrigins", async () => {
    const s = await start({ allowedOrigins: ["http://page.test"] });
    expect((await requestToken(s.url, KEY, { origin: "http://evil.test" })).status).toBe(403);
    expect((await requestToken(s.url, KEY, { origin: "http://page.test" })).status).toBe(200);
  });
});

describe("token-first simulator: the socket", () => {
  it("after a valid token sends connected, then agent_ready, then the greeting in 640-byte frames", async () => {
    const s = await start();
    const { token: t, ws_url } = await token(s);
    const client = await dial(ws_url, JSON.stringify({ token: t }));
    const greeting = syntheticClips(RATE).at("greeting", RATE).frames.length;
    await client.until(() => client.binaries.length === greeting);
    expect(client.texts).toEqual([{ type: "connected", session_id: "sim-1" }, { type: "agent_ready" }]);
    expect(new Set(client.binaries.map((b) => b.byteLength))).toEqual(new Set([640]));
  });

  it("hears the client's 640-byte frames as the shared agent does, and answers", async () => {
    const s = await start();
    const { token: t, ws_url } = await token(s);
    const client = await dial(ws_url, JSON.stringify({ token: t }));
    const speech = [silence(RATE, 0.3), sine(RATE, 0.4, 220), silence(RATE, 0.8)]; // after the 200 ms greeting: no barge-in
    for (const part of speech) for (let i = 0; i < part.length; i += 320) client.socket.send(part.subarray(i, i + 320));
    // The answer starts 600 ms into the trailing silence; the rest of it may still be in flight.
    await eventually(() => (s.sessions()[0]?.agent.spoke.length ?? 0) === 2 && s.sessions()[0]!.received.audio.frames === 75);
    const record = s.sessions()[0]!;
    expect(record.state).toBe("live");
    expect(record.received.audio.frameSamples).toEqual({ 320: 75 });
    expect(record.agent.bargeIns).toBe(0);
    expect(record.agent.utterances).toHaveLength(1);
  });

  it("refuses a reused token: error token_used, then close 4401", async () => {
    const s = await start();
    const { token: t, ws_url } = await token(s);
    await dial(ws_url, JSON.stringify({ token: t }));
    const again = await dial(ws_url, JSON.stringify({ token: t }));
    expect(await again.closed).toEqual({ code: 4401, reason: "token_used" });
    expect(again.texts).toEqual([{ type: "error", code: "token_used", message: expect.any(String) }]);
    expect(again.binaries).toHaveLength(0);
    await eventually(() => s.sessions()[1]?.state === "refused");
  });

  it("refuses a token presented after its time to live (default 60 s): error token_expired, then close 4401", async () => {
    let clock = 1_000_000;
    const s = await start({}, { now: () => clock });
    const { token: t, ws_url } = await token(s);
    clock += 60_000;
    const client = await dial(ws_url, JSON.stringify({ token: t }));
    expect(await client.closed).toEqual({ code: 4401, reason: "token_expired" });
    expect(client.texts).toEqual([{ type: "error", code: "token_expired", message: expect.any(String) }]);
  });

  it("takes the time to live from tokenTtlMs", async () => {
    let clock = 0;
    const s = await start({}, { now: () => clock, tokenTtlMs: 5000 });
    const early = await token(s);
    const late = await token(s);
    clock += 4999;
    const ok = await dial(early.ws_url, JSON.stringify({ token: early.token }));
    await ok.until(() => ok.texts.length >= 2);
    expect(types(ok.texts)).toEqual(["connected", "agent_ready"]);
    clock += 1;
    const expired = await dial(late.ws_url, JSON.stringify({ token: late.token }));
    expect((await expired.closed).reason).toBe("token_expired");
  });

  it.each([
    ["an unknown token", JSON.stringify({ token: "tf_not_issued" })],
    ["a token that is not a string", JSON.stringify({ token: 42 })],
    ["a typed message", JSON.stringify({ type: "start" })],
    ["text that is not JSON", "hello"],
  ])("refuses %s as the first message: error invalid_token, then close 4401", async (_name, first) => {
    const s = await start();
    const { ws_url } = await token(s);
    const client = await dial(ws_url, first);
    expect(await client.closed).toEqual({ code: 4401, reason: "invalid_token" });
    expect(client.texts).toEqual([{ type: "error", code: "invalid_token", message: expect.stringContaining('{"token"') }]);
  });

  it("treats audio before the token as a protocol error: error protocol_error, then close 4400", async () => {
    const s = await start();
    const { token: t, ws_url } = await token(s);
    const client = await dial(ws_url, new Uint8Array(640));
    client.socket.send(JSON.stringify({ token: t }));
    expect(await client.closed).toEqual({ code: 4400, reason: "protocol_error" });
    expect(client.texts).toEqual([{ type: "error", code: "protocol_error", message: expect.any(String) }]);
    expect(s.sessions()[0]?.received.audio.frames).toBe(0);
  });

  it("on the shutdown fault sends session_ended with server_shutdown, then closes 1001", async () => {
    const s = await start({ faults: { shutdownAfterMs: 0 } });
    const { token: t, ws_url } = await token(s);
    const client = await dial(ws_url, JSON.stringify({ token: t }));
    expect(await client.closed).toEqual({ code: 1001, reason: "server_shutdown" });
    expect(client.texts.at(-1)).toEqual({ type: "session_ended", reason: "server_shutdown" });
  });

  it("serves the socket only at ws_url's path, and answers 429 past maxSessions", async () => {
    const s = await start({ maxSessions: 1 });
    const wrong = rawTokenFirstClient(`${s.wsUrl}/elsewhere`);
    await expect(wrong.opened).rejects.toThrow(/404/);
    const { token: t, ws_url } = await token(s);
    await dial(ws_url, JSON.stringify({ token: t }));
    await eventually(() => s.liveSessions().length === 1);
    const over = rawTokenFirstClient(ws_url);
    await expect(over.opened).rejects.toThrow(/429/);
  });
});
