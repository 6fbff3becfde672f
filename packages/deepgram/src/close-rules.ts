import { AuthError, ConcurrencyLimitError, type ErrorFactory, parsePeerJson, ScopeError, vendorCodeOf } from "@voxwire/core";

/*
 * Deepgram's failures as typed errors, layered over core's defaults (`closeEvents`, `httpError`).
 * `reason`/`body` arrive redacted.
 *
 * Close codes: the Voice Agent reference documents none; the service reports what went wrong in
 * an `Error` message before it closes (client-codec.ts), so every close is left to core's default
 * classification.
 *
 * Upgrade statuses: a refused upgrade is an HTTP 4xx/5xx whose body (and `dg-error` header) says
 * why ("STT Troubleshooting WebSocket, NET, and DATA Errors",
 * https://developers.deepgram.com/docs/stt-troubleshooting-websocket-data-and-net-errors); the
 * REST statuses apply: 401 a bad key or token, 403 a key without the permission, 429 rate limits.
 * The body's `err_code` (ErrorResponseLegacyError) becomes the vendor code.
 */

export const DEEPGRAM_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};

export const DEEPGRAM_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  401: (b, d) => new AuthError("the key or token was refused (HTTP 401 at the upgrade)", { dialect: d, vendorCode: errCodeOf(b) }),
  403: (b, d) => new ScopeError("the key may not open a voice agent session (HTTP 403 at the upgrade)", { dialect: d, vendorCode: errCodeOf(b) }),
  429: (b, d) => new ConcurrencyLimitError("rate limited (HTTP 429 at the upgrade)", { dialect: d, vendorCode: errCodeOf(b) }),
};

/** `err_code` of a Deepgram error body (`{ err_code, err_msg, request_id }`), else what core reads from it. */
export function errCodeOf(body: string): string | undefined {
  try {
    const parsed: unknown = parsePeerJson(body);
    const code = (parsed as { err_code?: unknown } | null)?.err_code;
    if (typeof code === "string" && /^[A-Za-z][A-Za-z0-9_.-]{1,63}$/.test(code)) return code;
  } catch {
    // not JSON
  }
  return vendorCodeOf(body);
}
