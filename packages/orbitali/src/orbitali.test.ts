import {
  type ConnectPlan,
  connect,
  type DialectEnv,
  type Preparation,
  TokenExpiredError,
  urlSecrets,
  VoxwireError,
  type WebSocketConstructor,
} from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { REALTIME_SESSION_RESPONSE, SEED_AGENT_ID } from "../test/seed-004-frames.js";
import type { OrbitaliSession } from "./bootstrap.js";
import { orbitali } from "./orbitali.js";

const node: DialectEnv = { runtime: "node", now: Date.parse("2026-06-24T12:00:30.000Z") };
const browser: DialectEnv = { ...node, runtime: "browser" };
const seedSession = (): OrbitaliSession => JSON.parse(REALTIME_SESSION_RESPONSE);
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

describe("orbitali({ session })", () => {
  it("dials websocketUrl with the protocol block's formats, 20 ms outbound frames, expiresAt and every secret", () => {
    const session = seedSession();
    const plan = planOf(orbitali({ session }).prepare(node));
    expect(plan).toEqual({
      url: session.websocketUrl,
      audio: { outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
      expiresAt: Date.parse("2026-06-24T12:01:00.000Z"),
      secrets: [session.token, ...urlSecrets(session.websocketUrl)],
    });
  });

  it("reads the rates from the protocol block, never a constant", () => {
    const session = seedSession();
    const other = {
      ...session,
      protocol: { inputAudio: { encoding: "pcm16", sampleRate: 8000 }, outputAudio: { encoding: "pcm16", sampleRate: 48000 } },
    };
    expect(planOf(orbitali({ session: other }).prepare(node)).audio).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 8000, frameMs: 20 },
      inbound: { encoding: "pcm16", sampleRate: 48000 },
    });
  });

  it("works in a browser (no permanent key involved) and declares barge-in and transcripts", () => {
    const dialect = orbitali({ session: seedSession() });
    expect(planOf(dialect.prepare(browser)).url).toContain("wss://agent.orbitali.ai/ws/agents/");
    expect(dialect.capabilities).toMatchObject({ bargeIn: true, transcripts: true, bootstrap: false, dtmfOut: false, marks: false });
    expect(dialect).toMatchObject({ specVersion: 2, name: "orbitali", role: "client" });
  });

  it.each([
    ["an unparsable expiresAt", { expiresAt: "tomorrow-ish" }, /expiresAt/],
    ["a numeric expiresAt", { expiresAt: 1_780_000_000_000 }, /expiresAt/],
    ["no websocketUrl", { websocketUrl: undefined }, /websocketUrl/],
    ["an http websocketUrl", { websocketUrl: "https://agent.orbitali.ai/ws" }, /websocketUrl/],
    ["an empty token", { token: "" }, /token/],
    ["no protocol", { protocol: undefined }, /protocol/],
    [
      "a rate that is not a rate",
      { protocol: { inputAudio: { encoding: "pcm16", sampleRate: 0 }, outputAudio: { encoding: "pcm16", sampleRate: 24000 } } },
      /inputAudio\.sampleRate/,
    ],
    [
      "a rate as a string",
      { protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 }, outputAudio: { encoding: "pcm16", sampleRate: "24000" } } },
      /outputAudio\.sampleRate/,
    ],
    [
      "another encoding",
      { protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 }, outputAudio: { encoding: "opus", sampleRate: 24000 } } },
      /"opus"/,
    ],
  ])("%s is a ConfigError from the factory, naming the field", (_name, change, pattern) => {
    const error = errorOf(() => orbitali({ session: { ...seedSession(), ...change } as unknown as OrbitaliSession }));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toMatch(pattern);
  });

  it("refuses a session and a key together, and nonsense options", () => {
    expect(errorOf(() => orbitali({ session: seedSession(), apiKey: "k", agentId: "a" } as never)).code).toBe("invalid_config");
    expect(errorOf(() => orbitali(null as never)).code).toBe("invalid_config");
    expect(errorOf(() => orbitali({ session: "x" } as never)).code).toBe("invalid_config");
  });

  it("an expired session is refused with TokenExpiredError before any socket is made", async () => {
    let sockets = 0;
    const Counting = class {
      constructor() {
        sockets++;
        throw new Error("no socket should be made");
      }
    } as unknown as WebSocketConstructor;
    const expired = { ...seedSession(), expiresAt: "2020-01-01T00:00:00.000Z" };
    const attempt = connect(orbitali({ session: expired }), { WebSocket: Counting });
    await expect(attempt).rejects.toBeInstanceOf(TokenExpiredError);
    await expect(attempt).rejects.toMatchObject({ code: "token_expired", retryable: true });
    expect(sockets).toBe(0);
  });
});

describe("orbitali({ apiKey, agentId })", () => {
  const options = { apiKey: "orb_live_s3cr3t_key_123", agentId: SEED_AGENT_ID };

  it("bootstraps with the documented realtime-sessions call, described as data", () => {
    const preparation = orbitali(options).prepare(node);
    expect(preparation.kind).toBe("bootstrap");
    if (preparation.kind !== "bootstrap") return;
    expect(preparation.request).toEqual({
      method: "POST",
      url: `https://api.orbitali.ai/public/v1/agents/${SEED_AGENT_ID}/realtime-sessions`,
      headers: { authorization: `Bearer ${options.apiKey}`, accept: "application/json" },
      secrets: [options.apiKey],
    });
    const plan = preparation.parse({ status: 200, headers: {}, body: REALTIME_SESSION_RESPONSE }, node);
    expect(plan.url).toBe(seedSession().websocketUrl);
    expect(plan.secrets).toEqual([seedSession().token, ...urlSecrets(seedSession().websocketUrl), options.apiKey]);
    expect(plan.audio.outbound.sampleRate).toBe(16000);
    expect(plan.audio.inbound.sampleRate).toBe(24000);
  });

  it("declares the bootstrap capability and honours baseUrl", () => {
    const dialect = orbitali({ ...options, baseUrl: "http://127.0.0.1:4010/" });
    expect(dialect.capabilities.bootstrap).toBe(true);
    const preparation = dialect.prepare(node);
    expect(preparation.kind === "bootstrap" && preparation.request.url).toBe(
      `http://127.0.0.1:4010/public/v1/agents/${SEED_AGENT_ID}/realtime-sessions`,
    );
  });

  it("refuses an orb_live_ key in a browser or worker, naming the prefix and not the key", () => {
    for (const runtime of ["browser", "worker"] as const) {
      const error = errorOf(() => orbitali(options).prepare({ ...node, runtime }));
      expect(error).toMatchObject({ code: "invalid_config", vendorCode: "secret_key_in_browser" });
      expect(error.message).toContain("orb_live_");
      expect(error.message).not.toContain(options.apiKey);
    }
    // A key that is not a permanent one (a simulator's test key) may be used from a page.
    expect(orbitali({ ...options, apiKey: "voxwire-test-key" }).prepare(browser).kind).toBe("bootstrap");
  });

  it.each([
    ["a malformed agent id", { agentId: "../etc" }],
    ["an empty agent id", { agentId: "" }],
    ["no key", { apiKey: undefined }],
    ["a key with a newline", { apiKey: "orb_live_x\r\nX-Evil: 1" }],
    ["a ws baseUrl", { baseUrl: "wss://api.orbitali.ai" }],
    ["a baseUrl with a query", { baseUrl: "https://api.orbitali.ai?x=1" }],
  ])("%s is a ConfigError from the factory", (_name, change) => {
    const error = errorOf(() => orbitali({ ...options, ...change } as never));
    expect(error.code).toBe("invalid_config");
    expect(error.message).not.toContain("orb_live_x");
  });

  it("a bootstrap answer that is not the documented shape is a fatal ProtocolError", () => {
    const preparation = orbitali(options).prepare(node);
    if (preparation.kind !== "bootstrap") throw new Error("expected a bootstrap");
    const parse = (body: string) => errorOf(() => preparation.parse({ status: 200, headers: {}, body }, node));
    expect(parse("<html>")).toMatchObject({ code: "protocol_violation", fatal: true });
    expect(parse('{"token":"t0k3n-abc"}')).toMatchObject({ code: "protocol_violation", fatal: true });
    expect(parse('{"token":"t0k3n-abc"}').message).not.toContain("t0k3n-abc");
  });
});
