import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
/** Telnyx's default tolerance for the signed timestamp: five minutes either way. */
export const TELNYX_SIGNATURE_TOLERANCE_S = 300;

/** The account's public key (base64 of the raw 32 bytes, as the Telnyx portal shows it) as a key object. */
export function telnyxPublicKey(base64Key: string): KeyObject {
  const raw = Buffer.from(base64Key, "base64");
  if (raw.length !== 32) throw new Error("a Telnyx public key is 32 bytes in base64");
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

/**
 * Checks a Telnyx webhook: `telnyx-signature-ed25519` is an Ed25519 signature (base64) over
 * `${telnyx-timestamp}|${raw body}`, made with the account's key (Telnyx, "Receiving webhooks"
 * and its SDKs' `webhooks.unwrap`). A timestamp outside `toleranceS` of `nowS` fails, so a
 * captured request cannot be replayed later. False on anything malformed; never throws.
 */
export function validateTelnyxSignature(
  publicKey: KeyObject | string,
  signature: string | undefined,
  timestamp: string | undefined,
  body: string,
  options: { nowS?: number; toleranceS?: number } = {},
): boolean {
  if (typeof signature !== "string" || typeof timestamp !== "string" || !/^\d{1,12}$/.test(timestamp)) return false;
  const now = options.nowS ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(timestamp)) > (options.toleranceS ?? TELNYX_SIGNATURE_TOLERANCE_S)) return false;
  let key: KeyObject;
  try {
    key = typeof publicKey === "string" ? telnyxPublicKey(publicKey) : publicKey;
  } catch {
    return false;
  }
  const sig = Buffer.from(signature, "base64");
  if (sig.length !== 64) return false;
  try {
    return verify(null, Buffer.from(`${timestamp}|${body}`, "utf8"), key, sig);
  } catch {
    return false;
  }
}
