import { type AgentConfig, type ConnectPlan, type DialectEnv, type DialectV2, type Preparation, VoxwireError } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { openai } from "./openai.js";

const node: DialectEnv = { runtime: "node", now: 0 };
const browser: DialectEnv = { runtime: "browser", now: 0 };
const KEY = "sk-proj-T3st0nly_0123456789abcdef";
const SECRET = "ek_68af0c1e2b3d4f5a6b7c8d9e0f1a2b3c";

const planOf = (preparation: Preparation): ConnectPlan => {
  if (preparation.kind !== "plan") throw new Error("expected a plan");
  return preparation.plan;
};
/** The frames a connection's codec opens with (`open()`), parsed. */
const opening = (dialect: DialectV2, agent?: AgentConfig) => {
  const env: DialectEnv = agent ? { ...node, agent } : node;
  const codec = dialect.createCodec(planOf(dialect.prepare(env)), env);
  return (codec.open?.() ?? []).map((f) => JSON.parse(f as string));
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

describe("openai(): the plan on a server", () => {
  it("dials /v1/realtime?model= with a Bearer header, opens with session.update, 24 kHz PCM16 both ways, 60 minutes at most", () => {
    const dialect = openai({ apiKey: KEY, model: "gpt-realtime", voice: "marin", instructions: "Be brief." });
    const plan = planOf(dialect.prepare(node));
    expect(plan.url).toBe("wss://api.openai.com/v1/realtime?model=gpt-realtime");
    expect(plan.headers).toEqual({ Authorization: `Bearer ${KEY}` });
    expect(plan.protocols).toBeUndefined();
    expect(plan.audio).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 24000, frameMs: 20 },
      inbound: { encoding: "pcm16", sampleRate: 24000, frameMs: 20 },
    });
    expect(plan.firstFrames).toBeUndefined();
    expect(plan.maxSessionMs).toBe(60 * 60 * 1000);
    expect(opening(dialect)).toEqual([
      {
        type: "session.update",
        session: {
          type: "realtime",
          audio: {
            input: { format: { type: "audio/pcm", rate: 24000 }, turn_detection: { type: "server_vad" } },
            output: { format: { type: "audio/pcm", rate: 24000 }, voice: "marin" },
          },
          instructions: "Be brief.",
        },
      },
    ]);
    expect(plan.secrets).toEqual(expect.arrayContaining([KEY, `Bearer ${KEY}`]));
  });

  it("declares μ-law or A-law at 8 kHz on the wire for pcmu / pcma", () => {
    const muDialect = openai({ apiKey: KEY, model: "gpt-realtime", audio: "pcmu" });
    const mu = planOf(muDialect.prepare(node));
    expect(mu.audio.outbound).toEqual({ encoding: "mulaw", sampleRate: 8000, frameMs: 20 });
    expect(mu.audio.inbound).toEqual({ encoding: "mulaw", sampleRate: 8000, frameMs: 20 });
    expect(opening(muDialect)[0].session.audio.input.format).toEqual({ type: "audio/pcmu" });
    const aDialect = openai({ apiKey: KEY, model: "gpt-realtime", audio: "pcma" });
    expect(planOf(aDialect.prepare(node)).audio.inbound.encoding).toBe("alaw");
    expect(opening(aDialect)[0].session.audio.output.format).toEqual({ type: "audio/pcma" });
  });

  it.each([
    ["http://127.0.0.1:4100", "ws://127.0.0.1:4100/v1/realtime?model=m"],
    ["https://proxy.example/openai/", "wss://proxy.example/openai/v1/realtime?model=m"],
    ["https://api.openai.com/v1", "wss://api.openai.com/v1/realtime?model=m"],
    ["wss://api.openai.com/v1/", "wss://api.openai.com/v1/realtime?model=m"],
  ])("baseUrl %s → %s", (baseUrl, url) => {
    expect(planOf(openai({ apiKey: KEY, model: "m", baseUrl }).prepare(node)).url).toBe(url);
  });

  it("encodes the model in the query", () => {
    expect(planOf(openai({ apiKey: KEY, model: "a&b=c" }).prepare(node)).url).toBe("wss://api.openai.com/v1/realtime?model=a%26b%3Dc");
  });
});

describe("openai(): in a browser", () => {
  it("sends an ephemeral client secret as the realtime + openai-insecure-api-key. subprotocols, no header", () => {
    const plan = planOf(openai({ clientSecret: SECRET, model: "gpt-realtime" }).prepare(browser));
    expect(plan.protocols).toEqual(["realtime", `openai-insecure-api-key.${SECRET}`]);
    expect(plan.headers).toBeUndefined();
    expect(plan.secrets).toEqual(expect.arrayContaining([SECRET, `openai-insecure-api-key.${SECRET}`]));
  });

  it("refuses a secret key (sk-…) before any I/O, without quoting it", () => {
    for (const runtime of ["browser", "worker"] as const) {
      const error = errorOf(() => openai({ apiKey: KEY, model: "gpt-realtime" }).prepare({ runtime, now: 0 }));
      expect(error.code).toBe("invalid_config");
      expect(error.vendorCode).toBe("secret_key_in_browser");
      expect(error.message).not.toContain(KEY);
      expect(error.message).toContain("client_secrets");
    }
  });

  it("refuses a secret with characters a subprotocol cannot carry", () => {
    const error = errorOf(() => openai({ clientSecret: "ek_a/b=", model: "m" }).prepare(browser));
    expect(error.message).toMatch(/subprotocol/);
    expect(error.message).not.toContain("ek_a/b=");
  });
});

describe("openai(): options that can never work", () => {
  it.each([
    [{ model: "m" }, /apiKey .* or an ephemeral clientSecret/],
    [{ apiKey: KEY, clientSecret: SECRET, model: "m" }, /either apiKey or clientSecret/],
    [{ apiKey: "has space", model: "m" }, /Authorization header/],
    [{ apiKey: KEY }, /model is required/],
    [{ apiKey: KEY, model: "" }, /model is required/],
    [{ apiKey: KEY, model: "m", audio: "opus" }, /audio must be/],
    [{ apiKey: KEY, model: "m", baseUrl: "ftp://x" }, /baseUrl/],
    [{ apiKey: KEY, model: "m", baseUrl: "https://x?key=1" }, /baseUrl/],
    [{ apiKey: KEY, model: "m", voice: 3 }, /voice must be a string/],
  ])("%j", (options, message) => {
    const error = errorOf(() => openai(options as never));
    expect(error.code).toBe("invalid_config");
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(KEY);
  });
});
