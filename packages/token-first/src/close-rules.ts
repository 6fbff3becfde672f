import { type ErrorFactory, ProtocolError, quotePeer, ServerError, TokenExpiredError, type VoxwireError, vendorCodeOf } from "@voxwire/core";
import { DIALECT_NAME, TokenFirstClose, TokenFirstErrorCode } from "./wire.js";

/*
 * The token-first wire's failures as typed errors: the close codes after a refused first
 * message, and the vendor's `error{code,message}` messages.
 */

/**
 * Close codes after a refused first message, layered over core's defaults. The socket's only
 * credential is the token, so 4401 means the token (not a key) was refused: `token_expired`,
 * retryable with a fresh bootstrap. `reason` arrives redacted.
 */
export const TOKEN_FIRST_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [TokenFirstClose.tokenRefused]: (r, d) =>
    new TokenExpiredError(`the session token was refused (close 4401)${quotePeer(r)}; tokens are single-use and short-lived: bootstrap a new one`, {
      dialect: d,
      vendorCode: vendorCodeOf(r),
    }),
  [TokenFirstClose.protocolError]: (r, d) =>
    new ProtocolError(`the service refused a frame sent before the token (close 4400)${quotePeer(r)}`, {
      dialect: d,
      fatal: true,
      vendorCode: vendorCodeOf(r),
    }),
};

/** No HTTP statuses of its own at the upgrade: core's defaults apply (the token call's are the runtime's `BootstrapError`). */
export const TOKEN_FIRST_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {};

/**
 * True for a vendor code that means "this token will not open a session": the simulator's
 * `invalid_token`, `token_expired`, `token_used`, and (the real codes being unpublished) any code
 * that mentions a token or says the caller is not authorized.
 */
export function isTokenRefusal(code: string): boolean {
  return /token|unauthori[sz]ed|unauthenticated/i.test(code);
}

/**
 * The typed error for a vendor `error{code,message}`. `message` must already be redacted.
 * A refused token is a fatal `TokenExpiredError` (retry with a fresh bootstrap); a protocol
 * complaint a `ProtocolError`; anything else a non-fatal `ServerError`. `vendorCode` keeps the
 * vendor's code in every case.
 */
export function vendorError(code: string, message: string): VoxwireError {
  const said = quotePeer(message, { max: 300, lead: ": ", end: "" });
  if (isTokenRefusal(code)) {
    return new TokenExpiredError(`the session token was refused (${code})${said}; tokens are single-use and short-lived: bootstrap a new one`, {
      dialect: DIALECT_NAME,
      vendorCode: code,
    });
  }
  if (code === TokenFirstErrorCode.protocolError) {
    return new ProtocolError(`the service reported a protocol error${said}`, { dialect: DIALECT_NAME, vendorCode: code, fatal: true });
  }
  return new ServerError(`the service reported an error (${code})${said}`, { dialect: DIALECT_NAME, vendorCode: code, fatal: false });
}
