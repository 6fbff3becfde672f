import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { MIN_SECRET_LENGTH, REDACTED, redact, redactThenCut, SecretSet } from "./redact.js";
import { FRAGMENT_LENGTH, MIN_FRAGMENTED_LENGTH } from "./secret-fragments.js";

const units = (s: string) => [...s].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]));
const u = (n: number, upper = false) => `\\u${n.toString(16).padStart(4, "0")[upper ? "toUpperCase" : "toLowerCase"]()}`;
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

/** The ways libraries write a value into text: each must be redacted. */
const ENCODINGS: Readonly<Record<string, (s: string) => string>> = {
  raw: (s) => s,
  uri: (s) => encodeURIComponent(s),
  uriLower: (s) => encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  form: (s) => new URLSearchParams({ v: s }).toString().slice(2),
  json: (s) => JSON.stringify(s).slice(1, -1),
  jsonSlash: (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, "\\/"),
  jsonAscii: (s) =>
    JSON.stringify(s)
      .slice(1, -1)
      .replace(/[^\x20-\x7e]/g, (c) => u(c.charCodeAt(0))),
  jsonAllUpper: (s) =>
    units(s)
      .map((n) => u(n, true))
      .join(""),
  htmlNamed: (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;"),
  htmlDecimal: (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join(""),
  htmlHex: (s) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`).join(""),
  base64: b64,
  base64NoPad: (s) => b64(s).replace(/=+$/, ""),
  base64url: (s) => Buffer.from(s, "utf8").toString("base64url"),
};

// Whole characters only: a lone surrogate has no UTF-8 or URL form.
const secret = fc.string({ unit: "grapheme", minLength: MIN_SECRET_LENGTH, maxLength: 30 }).filter((s) => s.length >= MIN_SECRET_LENGTH);
const text = fc.string({ unit: "grapheme", maxLength: 30 });

describe("redact: encoded forms of a secret", () => {
  test.prop([secret, fc.constantFrom(...Object.keys(ENCODINGS)), text, text])(
    "no encoding of a secret survives, whatever surrounds it",
    (s, encoding, before, after) => {
      const encoded = ENCODINGS[encoding]!(s);
      const out = redact(`${before}${encoded}${after}`, [s]);
      expect(out).not.toContain(encoded);
      expect(new SecretSet().add(s).redact(`${before}${encoded}${after}`)).not.toContain(encoded);
    },
  );

  test.prop([secret.filter((s) => Buffer.byteLength(s) >= 8), text, text])(
    "a secret inside a longer base64 blob (Basic auth, a JWT payload) is cut out at any offset",
    (s, a, b) => {
      for (const encode of [(t: string) => b64(t), (t: string) => Buffer.from(t).toString("base64url")]) {
        const pieces = redact(encode(`${a}${s}${b}`), [s]).split(REDACTED);
        expect(pieces.length).toBeGreaterThan(1);
        for (const piece of pieces) expect(Buffer.from(piece, "base64").toString("utf8")).not.toContain(s);
      }
    },
  );

  it("catches the forms real libraries write", () => {
    const key = "sk/live+k=y<1>&é😀";
    const forms = [
      JSON.stringify({ key }),
      JSON.stringify({ key }).replace(/\//g, "\\/"),
      '{"key":"sk\\/live+k=y\\u003c1\\u003e\\u0026\\u00e9\\ud83d\\ude00"}', // Go's HTML-safe, Python's ensure_ascii
      "<p>sk/live+k=y&lt;1&gt;&amp;&eacute;😀</p>".replace("&eacute;", "&#233;"),
      `Authorization: Basic ${b64(`user:${key}`)}`,
    ];
    for (const form of forms) expect(redact(form, [key]), form).not.toMatch(/live|bGl2Z|xpdm|saXZl/);
  });

  it("redactThenCut redacts the whole text before cutting it", () => {
    const key = "cut-me-secret-99";
    const body = `${"x".repeat(1991)}${key}`;
    const naive = redact(body.slice(0, 2000), [key]);
    expect(naive).toContain("cut-me-se"); // what cutting first leaks (a piece too short to know)
    const safe = redactThenCut(body, 2000, (t) => redact(t, [key]));
    expect(safe).not.toContain("cut-me");
    expect(safe).toBe(`${"x".repeat(1991)}${REDACTED}…`);
    expect(redactThenCut(`${"x".repeat(1995)}${key}tail`, 2000, (t) => redact(t, [key]))).toBe(`${"x".repeat(1995)}${REDACTED}…`);
  });
});

const tokenChars = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.".split(""));
const token = fc.string({ unit: tokenChars, minLength: MIN_FRAGMENTED_LENGTH, maxLength: 64 });

describe("redact: a secret in pieces", () => {
  test.prop([token.filter((s) => s.length >= 2 * FRAGMENT_LENGTH), fc.nat(), text, text, text])(
    "a secret split in two, each piece as long as a fragment, leaves neither piece",
    (s, cut, before, between, after) => {
      const at = FRAGMENT_LENGTH + (cut % (s.length - 2 * FRAGMENT_LENGTH + 1));
      const [head, tail] = [s.slice(0, at), s.slice(at)];
      const out = new SecretSet().add(s).redact(`${before}${head}${between}"+"${tail}${after}`);
      expect(out).not.toContain(head);
      expect(out).not.toContain(tail);
    },
  );

  test.prop([token, fc.nat(), text])("a secret cut short by someone else's truncation is still redacted", (s, keep, before) => {
    const prefix = s.slice(0, FRAGMENT_LENGTH + (keep % (s.length - FRAGMENT_LENGTH + 1)));
    expect(redact(`${before}${prefix}`, [s])).not.toContain(prefix);
  });

  it("pieces of a URL or a short secret are ordinary text", () => {
    const url = "wss://api.example.com/v1/realtime?model=gpt-realtime";
    expect(redact("dialing api.example.com/v1/realtime", [url])).toBe("dialing api.example.com/v1/realtime");
    expect(redact("sk_short_1 and sk_short_", ["sk_short_12345"])).toBe("sk_short_1 and sk_short_");
    // 31 of a 32-character key: what a vendor's own 31-character cut would leave.
    const key = "sk_live_0123456789abcdefghijklmn";
    expect(redact(`value "${key.slice(0, 31)}" refused`, [key])).toBe(`value "${REDACTED}" refused`);
  });
});
