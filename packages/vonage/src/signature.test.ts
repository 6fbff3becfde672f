import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { connectNcco, validateVonageSignature } from "./index.js";

const SECRET = "vonage-signature-secret";
const b64url = (v: string | Buffer) => Buffer.from(v).toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
function signed(claims: object, secret = SECRET, alg = "HS256") {
  const head = b64url(JSON.stringify({ alg, typ: "JWT" }));
  const body = b64url(JSON.stringify(claims));
  return `Bearer ${head}.${body}.${b64url(createHmac("sha256", secret).update(`${head}.${body}`).digest())}`;
}

describe("Vonage signed webhooks", () => {
  const now = 1_700_000_000;
  const body = '{"uuid":"u1","from":"447700900000"}';
  const hash = createHash("sha256").update(body).digest("hex");
  it("accepts an HS256 JWT over the body's hash, refuses a changed body, another secret, an old one, another algorithm", () => {
    expect(validateVonageSignature(SECRET, signed({ iat: now, payload_hash: hash }), body, { nowS: now })).toBe(true);
    expect(validateVonageSignature(SECRET, signed({ iat: now, payload_hash: hash }), `${body} `, { nowS: now })).toBe(false);
    expect(validateVonageSignature(SECRET, signed({ iat: now, payload_hash: hash }, "other"), body, { nowS: now })).toBe(false);
    expect(validateVonageSignature(SECRET, signed({ iat: now - 301, payload_hash: hash }), body, { nowS: now })).toBe(false);
    expect(validateVonageSignature(SECRET, signed({ iat: now, payload_hash: hash }, SECRET, "none"), body, { nowS: now })).toBe(false);
    expect(validateVonageSignature(SECRET, "Bearer x.y", body, { nowS: now })).toBe(false);
    expect(validateVonageSignature(SECRET, undefined, body, { nowS: now })).toBe(false);
  });
});

describe("the NCCO", () => {
  it("connects the call to the socket in L16 at the leg's rate, with headers", () => {
    expect(JSON.parse(connectNcco({ uri: "wss://a.example/vonage/media", sampleRate: 8000, headers: { call_uuid: "u1" } }))).toEqual([
      {
        action: "connect",
        endpoint: [{ type: "websocket", uri: "wss://a.example/vonage/media", "content-type": "audio/l16;rate=8000", headers: { call_uuid: "u1" } }],
      },
    ]);
  });
});
