import { ProtocolError, ServerError, TokenExpiredError, type VoxwireError } from "@voxwire/core";
import { TokenFirstErrorCode } from "./wire.js";

const DIALECT = "token-first";

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
  const said = message ? `: ${message.slice(0, 300)}` : "";
  if (isTokenRefusal(code)) {
    return new TokenExpiredError(`the session token was refused (${code})${said}; tokens are single-use and short-lived: bootstrap a new one`, {
      dialect: DIALECT,
      vendorCode: code,
    });
  }
  if (code === TokenFirstErrorCode.protocolError) {
    return new ProtocolError(`the service reported a protocol error${said}`, { dialect: DIALECT, vendorCode: code, fatal: true });
  }
  return new ServerError(`the service reported an error (${code})${said}`, { dialect: DIALECT, vendorCode: code, fatal: false });
}
