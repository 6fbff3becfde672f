import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { MIN_SECRET_LENGTH, REDACTED, redact, SecretSet } from "./redact.js";

const secret = fc.string({ minLength: MIN_SECRET_LENGTH, maxLength: 40 });

describe("redact", () => {
  test.prop([secret, fc.string(), fc.string(), fc.string()])("no listed secret survives, wherever it sits", (s, a, b, c) => {
    expect(redact(`${a}${s}${b}${s}${c}`, [s])).not.toContain(s);
  });

  test.prop([fc.array(secret, { minLength: 1, maxLength: 4 }), fc.array(fc.string(), { maxLength: 6 })])(
    "several secrets, overlapping or nested, all disappear",
    (secrets, filler) => {
      const text = filler.map((f, i) => f + secrets[i % secrets.length]).join("") + secrets.join("");
      const out = redact(text, secrets);
      for (const s of secrets) expect(out).not.toContain(s);
    },
  );

  test.prop([fc.string()])("text without secrets or credential shapes is unchanged", (text) => {
    fc.pre(!/(key|bearer|token|basic|sig|auth|secret|password|jwt)/i.test(text) && !text.includes("://"));
    expect(redact(text, [])).toBe(text);
  });

  it("removes credential shapes it was not told about", () => {
    expect(redact("wss://api.example.com/ws?agent=1&token=abc.def-123&x=2")).toBe(`wss://api.example.com/ws?agent=1&token=${REDACTED}&x=2`);
    expect(redact("Authorization: Bearer sk_live_123456")).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(redact("protocols: pyai-key.pyai_test_abcdef, bearer.eyJhbGciOi")).toBe(`protocols: pyai-key.${REDACTED}, bearer.${REDACTED}`);
    expect(redact("wss://user:hunter22@host/x")).toBe(`wss://${REDACTED}@host/x`);
  });

  it("a SecretSet also catches the URL-encoded form and never serializes its values", () => {
    const set = new SecretSet().add("a b/c+d=e", undefined, "ab");
    expect(set.redact("q=a%20b%2Fc%2Bd%3De")).not.toContain("a%20b%2Fc%2Bd%3De");
    expect(JSON.stringify(set)).toBe('{"secrets":2}');
  });
});
