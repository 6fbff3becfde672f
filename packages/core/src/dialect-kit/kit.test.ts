import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/error-classes.js";
import { isSocketUrl, validateBaseUrl } from "./base-url.js";
import { defineDialect } from "./define-dialect.js";
import { str, withOptional } from "./fields.js";
import { isHeaderValueSafe, isHttpToken } from "./headers.js";
import { NO_CAPABILITIES } from "./no-capabilities.js";
import { quotePeer } from "./quote-peer.js";
import { TranscriptAccumulator } from "./transcript-accumulator.js";

describe("quotePeer", () => {
  it("trims, cuts and frames the text; nothing for a silent peer", () => {
    expect(quotePeer("  invalid_key ")).toBe(" (peer said: invalid_key)");
    expect(quotePeer("x".repeat(300))).toBe(` (peer said: ${"x".repeat(200)})`);
    expect(quotePeer("boom", { max: 2, lead: ": ", end: "" })).toBe(": bo");
    expect(quotePeer("   ")).toBe("");
  });
});

describe("validateBaseUrl", () => {
  const ws = { dialect: "acme", defaultUrl: "wss://api.acme.test", schemes: "ws" } as const;
  const http = { dialect: "acme", defaultUrl: "https://api.acme.test", schemes: "http" } as const;

  it("maps http(s) to ws(s) for a WebSocket origin and drops a trailing slash", () => {
    expect(validateBaseUrl(undefined, ws)).toBe("wss://api.acme.test");
    expect(validateBaseUrl("http://127.0.0.1:9/", ws)).toBe("ws://127.0.0.1:9");
    expect(validateBaseUrl("https://h/prefix//", ws)).toBe("wss://h/prefix");
    expect(validateBaseUrl("ws://h", ws)).toBe("ws://h");
  });

  it("keeps http(s) for a REST origin and refuses ws(s) there", () => {
    expect(validateBaseUrl("http://127.0.0.1:9/", http)).toBe("http://127.0.0.1:9");
    expect(() => validateBaseUrl("wss://h", http)).toThrow("baseUrl must be an http: or https: URL without credentials, query or fragment");
  });

  it.each(["not a url", 42, "ftp://h", "https://u:p@h", "https://h?q=1", "https://h#f"])("refuses %s with a ConfigError", (value) => {
    expect(() => validateBaseUrl(value, ws)).toThrow(ConfigError);
  });

  it("says which schemes it takes", () => {
    expect(() => validateBaseUrl("nope", ws)).toThrow("baseUrl must be an absolute ws:, wss:, http: or https: URL");
    expect(() => validateBaseUrl("ftp://h", ws)).toThrow("baseUrl must be a ws:, wss:, http: or https: URL without credentials, query or fragment");
  });

  it("isSocketUrl takes only absolute ws: and wss: URLs", () => {
    expect([isSocketUrl("wss://h/x"), isSocketUrl("ws://h"), isSocketUrl("https://h"), isSocketUrl("/x"), isSocketUrl(1)]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("header checks", () => {
  it("isHttpToken refuses base64 padding, slashes and spaces", () => {
    expect([isHttpToken("pyai_test_abc"), isHttpToken("a=b"), isHttpToken("a/b"), isHttpToken("a b"), isHttpToken("")]).toEqual([
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("isHeaderValueSafe takes visible ASCII up to a length", () => {
    expect([isHeaderValueSafe("k/=+"), isHeaderValueSafe("a b"), isHeaderValueSafe("é"), isHeaderValueSafe("")]).toEqual([true, false, false, false]);
    expect([isHeaderValueSafe("abc", 3), isHeaderValueSafe("abcd", 3)]).toEqual([true, false]);
  });
});

describe("field pickers", () => {
  it("str takes the first string field; withOptional adds only defined fields", () => {
    expect(str({ a: 1, b: "x", c: "y" }, "a", "b", "c")).toBe("x");
    expect(str({ a: 1 }, "a")).toBeUndefined();
    const event = withOptional({ type: "session-ending" as const }, { reason: undefined, code: "x" });
    expect(event).toEqual({ type: "session-ending", code: "x" });
    expect("reason" in event).toBe(false);
  });
});

describe("TranscriptAccumulator", () => {
  it("appends deltas, takes a stated text, and starts over after a final", () => {
    const t = new TranscriptAccumulator();
    expect(t.apply({ role: "agent", text: undefined, delta: "Hel", final: false }, "r")).toMatchObject({ delta: "Hel", text: "Hel" });
    expect(t.apply({ role: "agent", text: "Hello", delta: undefined, final: false }, "r")).toMatchObject({ delta: "lo", text: "Hello" });
    expect(t.apply({ role: "user", text: "Hi", delta: undefined, final: true }, "r")).toMatchObject({ type: "transcript-end", text: "Hi" });
    expect(t.apply({ role: "agent", text: undefined, delta: " there", final: true }, "r")).toMatchObject({
      type: "transcript-end",
      role: "agent",
      text: "Hello there",
    });
    expect(t.apply({ role: "agent", text: "Bye", delta: undefined, final: false }, "r")).toMatchObject({ delta: "Bye", text: "Bye" });
  });
});

describe("defineDialect", () => {
  it("fills in specVersion 2 and leaves an absent peer codec absent", () => {
    const dialect = defineDialect({
      name: "acme",
      role: "client",
      capabilities: NO_CAPABILITIES,
      prepare: () => ({ kind: "plan", plan: { url: "wss://h", audio: {} as never, secrets: [] } }),
      createCodec: () => ({}) as never,
    });
    expect(dialect.specVersion).toBe(2);
    expect(dialect.name).toBe("acme");
    expect("createPeerCodec" in dialect).toBe(false);
  });
});
