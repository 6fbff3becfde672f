import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** How far a signed webhook's `iat` may be from now, in seconds. */
export const VONAGE_SIGNATURE_TOLERANCE_S = 300;

const b64url = (text: string): Buffer => Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");

/**
 * Checks a Vonage signed webhook (Vonage, "Signed webhooks":
 * https://developer.vonage.com/en/getting-started/concepts/webhooks#signed-webhooks): the
 * `Authorization: Bearer <JWT>` is HS256-signed with the account's signature secret; its
 * `payload_hash` is the SHA-256 (hex) of the body, and `iat` must be recent. False on anything
 * malformed; never throws; the secret never appears anywhere.
 */
export function validateVonageSignature(
  secret: string,
  authorization: string | undefined,
  body: string,
  options: { nowS?: number; toleranceS?: number } = {},
): boolean {
  if (!secret || typeof authorization !== "string") return false;
  const match = /^Bearer\s+([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization.trim());
  if (!match) return false;
  const [, head, claims, signature] = match as unknown as [string, string, string, string];
  let header: { alg?: unknown };
  let payload: { iat?: unknown; payload_hash?: unknown };
  try {
    header = JSON.parse(b64url(head).toString("utf8"));
    payload = JSON.parse(b64url(claims).toString("utf8"));
  } catch {
    return false;
  }
  if (header.alg !== "HS256") return false;
  const expected = createHmac("sha256", secret).update(`${head}.${claims}`).digest();
  const given = b64url(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  const now = options.nowS ?? Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== "number" || Math.abs(now - payload.iat) > (options.toleranceS ?? VONAGE_SIGNATURE_TOLERANCE_S)) return false;
  if (body.length > 0) {
    const hash = createHash("sha256").update(body, "utf8").digest("hex");
    if (typeof payload.payload_hash !== "string" || payload.payload_hash.toLowerCase() !== hash) return false;
  }
  return true;
}
