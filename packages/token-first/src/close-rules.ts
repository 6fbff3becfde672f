import { type ErrorFactory, ProtocolError, TokenExpiredError, vendorCodeOf } from "@voxwire/core";
import { TokenFirstClose } from "./wire.js";

function quoted(text: string): string {
  const short = text.trim().slice(0, 200);
  return short ? ` (peer said: ${short})` : "";
}

/**
 * Close codes after a refused first message, layered over core's defaults. The socket's only
 * credential is the token, so 4401 means the token (not a key) was refused: `token_expired`,
 * retryable with a fresh bootstrap. `reason` arrives redacted.
 */
export const TOKEN_FIRST_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [TokenFirstClose.tokenRefused]: (r, d) =>
    new TokenExpiredError(`the session token was refused (close 4401)${quoted(r)}; tokens are single-use and short-lived: bootstrap a new one`, {
      dialect: d,
      vendorCode: vendorCodeOf(r),
    }),
  [TokenFirstClose.protocolError]: (r, d) =>
    new ProtocolError(`the service refused a frame sent before the token (close 4400)${quoted(r)}`, {
      dialect: d,
      fatal: true,
      vendorCode: vendorCodeOf(r),
    }),
};
