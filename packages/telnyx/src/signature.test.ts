import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { texmlStream, validateTelnyxSignature } from "./index.js";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
/** The raw 32-byte key in base64, as the Telnyx portal shows it. */
const portalKey = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("base64");
const signed = (timestamp: string, body: string) => sign(null, Buffer.from(`${timestamp}|${body}`), privateKey).toString("base64");

describe("Telnyx webhook signatures (Ed25519 over timestamp|body)", () => {
  const body = '{"data":{"event_type":"call.initiated"}}';
  const now = 1_700_000_000;
  it("accepts Telnyx's signature and refuses any change, an old timestamp, or junk", () => {
    const ts = String(now);
    const sig = signed(ts, body);
    expect(validateTelnyxSignature(portalKey, sig, ts, body, { nowS: now })).toBe(true);
    expect(validateTelnyxSignature(portalKey, sig, ts, `${body} `, { nowS: now })).toBe(false);
    expect(validateTelnyxSignature(portalKey, sig, String(now + 1), body, { nowS: now })).toBe(false);
    expect(validateTelnyxSignature(portalKey, sig, ts, body, { nowS: now + 301 })).toBe(false);
    expect(validateTelnyxSignature(portalKey, undefined, ts, body, { nowS: now })).toBe(false);
    expect(validateTelnyxSignature(portalKey, "AAAA", ts, body, { nowS: now })).toBe(false);
    expect(validateTelnyxSignature("not a key", sig, ts, body, { nowS: now })).toBe(false);
  });
});

describe("TeXML", () => {
  it("streams both ways in the leg's codec, with parameters escaped, and holds the call", () => {
    expect(texmlStream({ url: "wss://a.example/telnyx/media", codec: "L16", sampleRate: 16000, parameters: { who: 'a"b' } })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Start><Stream url="wss://a.example/telnyx/media" track="inbound_track" bidirectionalMode="rtp" bidirectionalCodec="L16" bidirectionalSamplingRate="16000"><Parameter name="who" value="a&quot;b"/></Stream></Start><Pause length="14400"/></Response>',
    );
    expect(() => texmlStream({ url: "https://x" })).toThrow(/ws/);
  });
});
