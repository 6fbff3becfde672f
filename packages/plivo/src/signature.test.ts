import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { plivoSignature, plivoSignedUrl, plivoStreamXml, validatePlivoSignature } from "./index.js";

const TOKEN = "plivo-auth-token-secret";

describe("Plivo V3 signatures", () => {
  it("signs the canonical URL: sorted query for GET; sorted query, '.', then k=v form pairs for POST", () => {
    expect(plivoSignedUrl("GET", "https://a.example/answer?b=2&a=1")).toBe("https://a.example/answer?a=1&b=2");
    expect(plivoSignedUrl("POST", "https://a.example/answer", { To: "+1", From: "+2" })).toBe("https://a.example/answer?From=+2To=+1");
    expect(plivoSignedUrl("POST", "https://a.example/answer?x=1", { CallUUID: "u" })).toBe("https://a.example/answer?x=1.CallUUID=u");
    expect(plivoSignedUrl("POST", "https://a.example:8443/answer", {})).toBe("https://a.example:8443/answer");
  });

  it("validates HMAC-SHA256(token, url.nonce); any change, a missing nonce or another token fails; a list of signatures passes on any", () => {
    const form = { CallUUID: "ba93e8f5", From: "+15551234567" };
    const nonce = "05429567804466091622";
    const expected = createHmac("sha256", TOKEN).update(`https://a.example/answer?CallUUID=ba93e8f5From=+15551234567.${nonce}`).digest("base64");
    expect(plivoSignature(TOKEN, "POST", "https://a.example/answer", nonce, form)).toBe(expected);
    expect(validatePlivoSignature(TOKEN, expected, nonce, "POST", "https://a.example/answer", form)).toBe(true);
    expect(validatePlivoSignature(TOKEN, `zzz,${expected}`, nonce, "POST", "https://a.example/answer", form)).toBe(true);
    expect(validatePlivoSignature(TOKEN, expected, nonce, "POST", "https://a.example/answer", { ...form, From: "+1" })).toBe(false);
    expect(validatePlivoSignature(TOKEN, expected, undefined, "POST", "https://a.example/answer", form)).toBe(false);
    expect(validatePlivoSignature("other", expected, nonce, "POST", "https://a.example/answer", form)).toBe(false);
    expect(validatePlivoSignature(TOKEN, expected, nonce, "PUT", "https://a.example/answer", form)).toBe(false);
  });
});

describe("Plivo XML", () => {
  it("a bidirectional stream that keeps the call alive, in the leg's format, with extraHeaders", () => {
    expect(plivoStreamXml({ url: "wss://a.example/plivo/media", sampleRate: 16000, parameters: { tenant: "acme" } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Stream bidirectional="true" keepCallAlive="true" contentType="audio/x-l16;rate=16000" extraHeaders="tenant=acme">wss://a.example/plivo/media</Stream></Response>',
    );
    expect(() => plivoStreamXml({ url: "wss://a", parameters: { "a-b": "c" } })).toThrow(/letters and digits/);
  });
});
