import { AuthError, ConcurrencyLimitError, InvalidRequestError, NetworkError, ProtocolError, ScopeError, ServerError } from "./error-classes.js";
import type { VoxwireError } from "./voxwire-error.js";

/** Builds the error for one close code (or HTTP status); `reason` is the peer's text, already redacted. */
export type ErrorFactory = (reason: string, dialect: string) => VoxwireError;

/** Close codes a clean end uses: no error event. 1005 is what a close frame without a code reads as. */
export const CLEAN_CLOSE_CODES: ReadonlySet<number> = new Set([1000, 1005]);

/**
 * Close codes every dialect shares. 4401/4403/4429 follow the HTTP-in-4xxx convention that
 * vendors use because HTTP statuses are not legal close codes (RFC 6455 §7.4.2).
 */
export const defaultCloseErrors: Readonly<Record<number, ErrorFactory>> = {
  1001: (r, d) => new ServerError(`the peer is going away${suffix(r)}`, { dialect: d }),
  1002: (r, d) => new ProtocolError(`the peer reported a protocol error${suffix(r)}`, { dialect: d, fatal: true }),
  1003: (r, d) => new ProtocolError(`the peer cannot accept this data type${suffix(r)}`, { dialect: d, fatal: true }),
  1006: (r, d) => new NetworkError(`the connection dropped without a close frame${suffix(r)}`, { dialect: d }),
  1007: (r, d) => new ProtocolError(`the peer received inconsistent data${suffix(r)}`, { dialect: d, fatal: true }),
  1008: (r, d) => new ProtocolError(`the peer closed for a policy violation${suffix(r)}`, { dialect: d, fatal: true }),
  1009: (r, d) => new ProtocolError(`a frame was too large for the peer${suffix(r)}`, { dialect: d, fatal: true }),
  1011: (r, d) => new ServerError(`the peer hit an internal error${suffix(r)}`, { dialect: d }),
  1012: (r, d) => new ServerError(`the peer is restarting${suffix(r)}`, { dialect: d }),
  1013: (r, d) => new ServerError(`the peer asks to try again later${suffix(r)}`, { dialect: d }),
  4401: (r, d) => new AuthError(`the credential was refused (close 4401)${suffix(r)}`, { dialect: d }),
  4403: (r, d) => new ScopeError(`the credential lacks a required permission (close 4403)${suffix(r)}`, { dialect: d }),
  4429: (r, d) => new ConcurrencyLimitError(`too many live sessions (close 4429)${suffix(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
};

/** HTTP statuses at the WebSocket upgrade (or a bootstrap call) every dialect shares. */
export const defaultHttpErrors: Readonly<Record<number, ErrorFactory>> = {
  400: (r, d) => new InvalidRequestError(`the request was refused (HTTP 400)${suffix(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
  401: (r, d) => new AuthError(`the credential was refused (HTTP 401)${suffix(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
  403: (r, d) => new AuthError(`access was forbidden (HTTP 403)${suffix(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
  404: (r, d) => new InvalidRequestError(`no such endpoint (HTTP 404)${suffix(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
  429: (r, d) => new ConcurrencyLimitError(`too many live sessions or requests (HTTP 429)${suffix(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
};

/** Maps an HTTP status (at the upgrade or a bootstrap call) to a typed error. */
export function httpError(status: number, body: string, dialect: string, rules: Readonly<Record<number, ErrorFactory>> = {}): VoxwireError {
  const factory = rules[status] ?? defaultHttpErrors[status];
  if (factory) return factory(body, dialect);
  if (status >= 500) return new ServerError(`the peer failed (HTTP ${status})${suffix(body)}`, { dialect });
  return new NetworkError(`the upgrade was answered with HTTP ${status}${suffix(body)}`, { dialect, retryable: false });
}

/** Pulls a vendor code out of a reason or body: `{"error":"x"}`, `{"code":"x"}`, or a bare `snake_case` word. */
export function vendorCodeOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9_]{2,63}$/.test(trimmed)) return trimmed;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (parsed && typeof parsed === "object") {
      const record = parsed as Record<string, unknown>;
      for (const key of ["code", "error", "error_code", "type"]) {
        const value = record[key];
        if (typeof value === "string" && /^[a-z][a-z0-9_.]{2,63}$/i.test(value)) return value;
        if (value && typeof value === "object") {
          const nested = (value as Record<string, unknown>).code;
          if (typeof nested === "string") return nested;
        }
      }
    }
  } catch {
    // not JSON: no code
  }
  return undefined;
}

/** The peer's text as a `: text` suffix for a message, trimmed and cut to 300 characters (callers redact first). */
export function suffix(text: string): string {
  const short = text.trim().slice(0, 300);
  return short ? `: ${short}` : "";
}
