import { ConfigError, type DialectEnv, ProtocolError, type VoxwireError } from "@voxwire/core";
import { thrown } from "@voxwire/test-utils";
import { describe, expect, it } from "vitest";
import { SEED_TOKEN_FRAME, SEED_TOKEN_RESPONSE } from "../test/seed-001-frames.js";
import { type TokenFirstOptions, tokenFirst } from "./index.js";

const KEY = "sk_example_K3yValue";
const NODE: DialectEnv = { runtime: "node", now: 0 };
const BROWSER: DialectEnv = { runtime: "browser", now: 0 };

function bootstrapOf(options: TokenFirstOptions, env: DialectEnv = NODE) {
  const preparation = tokenFirst(options).prepare(env);
  if (preparation.kind !== "bootstrap") throw new Error("token-first always bootstraps");
  return preparation;
}

const response = (body: string) => ({ status: 200, headers: {}, body });

describe("tokenFirst() bootstrap", () => {
  it("POSTs {apiUrl}/api/v1/sdk/token with the key as a Bearer header, and lists the key as a secret", () => {
    const { request } = bootstrapOf({ apiUrl: "https://your-api-url.com/", apiKey: KEY });
    expect(request).toMatchObject({
      method: "POST",
      url: "https://your-api-url.com/api/v1/sdk/token",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    });
    expect(request.body).toBeUndefined();
    expect(request.secrets).toEqual([KEY]);
    expect(bootstrapOf({ apiUrl: "http://127.0.0.1:4000/prefix", apiKey: KEY }).request.url).toBe("http://127.0.0.1:4000/prefix/api/v1/sdk/token");
  });

  it("turns the token-first guide's { token, ws_url } into a plan: the token frame first, PCM16 16 kHz in 20 ms frames, every credential a secret", () => {
    const plan = bootstrapOf({ apiUrl: "https://your-api-url.com", apiKey: KEY }).parse(response(SEED_TOKEN_RESPONSE), NODE);
    expect(plan.url).toBe("wss://your-api-url.com/ws");
    expect(plan.firstFrames).toEqual([SEED_TOKEN_FRAME]);
    const format = { encoding: "pcm16", sampleRate: 16000, frameMs: 20 };
    expect(plan.audio).toEqual({ outbound: format, inbound: format });
    expect(plan.secrets).toEqual([KEY, "tok_example", "wss://your-api-url.com/ws"]);
    expect(plan.protocols).toBeUndefined();
    expect(plan.headers).toBeUndefined();
  });

  it("refuses a token answer without a usable token or ws_url with a fatal ProtocolError that quotes nothing", () => {
    const { parse } = bootstrapOf({ apiUrl: "https://x.test", apiKey: KEY });
    const bodies = [
      "not json tok_secret_1",
      "[]",
      "null",
      '{"ws_url":"wss://x.test/ws?sig=tok_secret_1"}',
      '{"token":"","ws_url":"wss://x.test/ws"}',
      '{"token":"tok_secret_1"}',
      '{"token":"tok_secret_1","ws_url":42}',
      '{"token":"tok_secret_1","ws_url":"not a url"}',
      '{"token":"tok_secret_1","ws_url":"https://x.test/ws"}',
    ];
    for (const body of bodies) {
      const error = thrown<VoxwireError>(() => parse(response(body), NODE));
      expect(error).toBeInstanceOf(ProtocolError);
      expect(error).toMatchObject({ code: "protocol_violation", fatal: true, vendorCode: "invalid_token_response" });
      expect(error.message).not.toContain("tok_secret_1");
      expect(error.message).not.toContain("x.test");
    }
  });

  it("keeps unknown fields of the token answer harmless", () => {
    const plan = bootstrapOf({ apiUrl: "https://x.test", apiKey: KEY }).parse(
      response('{"token":"t-123","ws_url":"ws://127.0.0.1:9/ws","expires_in":60,"extra":{"a":1}}'),
      NODE,
    );
    expect(plan.url).toBe("ws://127.0.0.1:9/ws");
  });

  it("declares what the wire carries", () => {
    expect(tokenFirst({ apiUrl: "https://x.test", apiKey: KEY }).capabilities).toMatchObject({
      firstMessageAuth: true,
      bootstrap: true,
      agentState: true,
      bargeIn: false,
      transcripts: false,
      dtmfOut: false,
      marks: false,
      clearOut: false,
    });
  });
});

describe("tokenFirst() in a browser", () => {
  it("calls the application's tokenUrl without any vendor credential", () => {
    const { request, parse } = bootstrapOf({ tokenUrl: "https://app.test/voice-token" }, BROWSER);
    expect(request).toMatchObject({ method: "POST", url: "https://app.test/voice-token", headers: { accept: "application/json" } });
    expect(request.headers.authorization).toBeUndefined();
    expect(parse(response(SEED_TOKEN_RESPONSE), BROWSER).secrets).toEqual(["tok_example", "wss://your-api-url.com/ws"]);
  });

  it("takes a page-relative tokenUrl in a page only, and extra headers as secrets", () => {
    const { request } = bootstrapOf({ tokenUrl: "/api/voice-token", tokenHeaders: { "X-CSRF-Token": "csrf-abc" } }, BROWSER);
    expect(request.url).toBe("/api/voice-token");
    expect(request.headers["x-csrf-token"]).toBe("csrf-abc");
    expect(request.secrets).toEqual(["csrf-abc"]);
    expect(thrown<VoxwireError>(() => bootstrapOf({ tokenUrl: "/api/voice-token" }, NODE))).toBeInstanceOf(ConfigError);
  });

  it("refuses an apiKey in a page or worker, explains the backend route, and never quotes the key", () => {
    for (const runtime of ["browser", "worker"] as const) {
      const error = thrown<VoxwireError>(() => bootstrapOf({ apiUrl: "https://x.test", apiKey: KEY }, { runtime, now: 0 }));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toContain("createTokenRoute");
      expect(error.message).toContain("tokenUrl");
      expect(error.message).not.toContain(KEY);
    }
  });

  it("allows an apiKey in a page when the application opts in", () => {
    const { request } = bootstrapOf({ apiUrl: "https://x.test", apiKey: KEY, dangerouslyAllowApiKeyInBrowser: true }, BROWSER);
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});

describe("tokenFirst() refuses options that cannot work, before any I/O", () => {
  const cases: [string, unknown][] = [
    ["no options", undefined],
    ["neither key nor tokenUrl", { apiUrl: "https://x.test" }],
    ["both key and tokenUrl", { apiUrl: "https://x.test", apiKey: KEY, tokenUrl: "https://app.test/t" }],
    ["a key without apiUrl", { apiKey: KEY }],
    ["a ws: apiUrl", { apiUrl: "wss://x.test", apiKey: KEY }],
    ["an ftp: apiUrl", { apiUrl: "ftp://x.test", apiKey: KEY }],
    ["a relative apiUrl", { apiUrl: "x.test", apiKey: KEY }],
    ["an apiUrl with a query", { apiUrl: "https://x.test/?a=1", apiKey: KEY }],
    ["an apiUrl with credentials", { apiUrl: `https://u:${KEY}@x.test`, apiKey: KEY }],
    ["an empty key", { apiUrl: "https://x.test", apiKey: "" }],
    ["a key with a space", { apiUrl: "https://x.test", apiKey: `${KEY} x` }],
    ["a key with a newline", { apiUrl: "https://x.test", apiKey: `${KEY}\nx: y` }],
    ["a non-string key", { apiUrl: "https://x.test", apiKey: 42 }],
    ["a javascript: tokenUrl", { tokenUrl: "javascript:alert(1)" }],
    ["a protocol-relative tokenUrl", { tokenUrl: "//evil.test/t" }],
    ["a bad token header", { tokenUrl: "https://app.test/t", tokenHeaders: { "x-a": "1\r\nx-b: 2" } }],
  ];
  it.each(cases)("%s", (_name, options) => {
    const error = thrown<VoxwireError>(() => tokenFirst(options as TokenFirstOptions));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe("invalid_config");
    expect(error.message).not.toContain(KEY);
  });
});
