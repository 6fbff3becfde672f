import { type ConnectPlan, type DialectEnv, type Preparation, VoxwireError } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { deepgram } from "./deepgram.js";

const node: DialectEnv = { runtime: "node", now: 1_000 };
const browser: DialectEnv = { runtime: "browser", now: 1_000 };
const KEY = "0123456789abcdef0123456789abcdef01234567";
const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2lnbmF0dXJl";

const planOf = (preparation: Preparation): ConnectPlan => {
  if (preparation.kind !== "plan") throw new Error("expected a plan");
  return preparation.plan;
};
const errorOf = (run: () => unknown): VoxwireError => {
  try {
    run();
  } catch (error) {
    if (VoxwireError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected a VoxwireError");
};

describe("deepgram(): the plan", () => {
  it("on a server: /v1/agent/converse with Authorization: Token, linear16 24 kHz both ways, the 2-hour limit", () => {
    const plan = planOf(deepgram({ apiKey: KEY }).prepare(node));
    expect(plan.url).toBe("wss://agent.deepgram.com/v1/agent/converse");
    expect(plan.headers).toEqual({ Authorization: `Token ${KEY}` });
    expect(plan.protocols).toBeUndefined();
    expect(plan.audio).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 24000, frameMs: 20 },
      inbound: { encoding: "pcm16", sampleRate: 24000 },
    });
    expect(plan.maxSessionMs).toBe(2 * 60 * 60 * 1000);
    expect(plan.secrets).toEqual([KEY, `Token ${KEY}`]);
  });

  it("an access token: Bearer on a server, the subprotocols bearer, <jwt> in a browser", () => {
    expect(planOf(deepgram({ accessToken: JWT }).prepare(node)).headers).toEqual({ Authorization: `Bearer ${JWT}` });
    const plan = planOf(deepgram({ accessToken: JWT, baseUrl: "http://127.0.0.1:9" }).prepare(browser));
    expect(plan).toMatchObject({ url: "ws://127.0.0.1:9/v1/agent/converse", protocols: ["bearer", JWT], secrets: [JWT] });
    expect(plan.headers).toBeUndefined();
  });

  it("refuses an API key in a browser, naming the token route, never the key", () => {
    const error = errorOf(() => deepgram({ apiKey: KEY }).prepare(browser));
    expect(error).toMatchObject({ code: "invalid_config", vendorCode: "secret_key_in_browser" });
    expect(error.message).toContain("createDeepgramTokenRoute");
    expect(error.message).not.toContain(KEY);
  });

  it("a tokenUrl: POST to the route, then a bearer plan that expires with the token", () => {
    const preparation = deepgram({ tokenUrl: "/api/deepgram-token", tokenHeaders: { "X-CSRF": "c1" } }).prepare(browser);
    if (preparation.kind !== "bootstrap") throw new Error("expected a bootstrap");
    expect(preparation.request).toMatchObject({ method: "POST", url: "/api/deepgram-token", headers: { "x-csrf": "c1" } });
    // The page's route is on the application's domain; the socket on Deepgram's passes the socket-host rule.
    expect(preparation.socketHosts).toEqual(["agent.deepgram.com"]);
    const plan = preparation.parse({ status: 200, headers: {}, body: JSON.stringify({ access_token: JWT, expires_in: 30 }) }, browser);
    expect(plan).toMatchObject({ protocols: ["bearer", JWT], expiresAt: 31_000 });
    const bad = errorOf(() => preparation.parse({ status: 200, headers: {}, body: `{"token":"${JWT}"}` }, browser));
    expect(bad).toMatchObject({ code: "protocol_violation", fatal: true });
    expect(bad.message).not.toContain(JWT);
    expect(errorOf(() => deepgram({ tokenUrl: "/api/deepgram-token" }).prepare(node)).message).toMatch(/absolute URL/);
  });

  it("the rates are chosen per direction", () => {
    const plan = planOf(deepgram({ apiKey: KEY, inputSampleRate: 16000, outputSampleRate: 8000 }).prepare(node));
    expect(plan.audio).toEqual({ outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: 8000 } });
  });

  it("refuses what can never work before any I/O, never quoting a credential", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => deepgram({} as never), /apiKey .* accessToken .* tokenUrl/],
      [() => deepgram({ apiKey: KEY, accessToken: JWT } as never), /not apiKey and accessToken/],
      [() => deepgram({ apiKey: "has space" }), /Authorization header/],
      [() => deepgram({ apiKey: KEY, inputSampleRate: 22050 }), /inputSampleRate must be one of/],
      [() => deepgram({ apiKey: KEY, outputSampleRate: 44100 }), /outputSampleRate must be one of/],
      [() => deepgram({ apiKey: KEY, settings: { audio: {} } as never }), /settings.audio/],
      [() => deepgram({ apiKey: KEY, baseUrl: "ftp://x" }), /baseUrl/],
      [() => deepgram({ tokenUrl: "ftp://x" }), /tokenUrl/],
      [() => deepgram({ apiKey: KEY }).prepare({ ...node, agent: { turnDetection: "none" } }), /turnDetection "none"/],
    ];
    for (const [run, message] of cases) {
      const error = errorOf(run);
      expect(error.code).toBe("invalid_config");
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(KEY);
    }
  });
});
