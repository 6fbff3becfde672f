import { AuthError, type ErrorFactory, quotePeer, TokenExpiredError, type VoxwireError, vendorCodeOf } from "@voxwire/core";
import { ORBITALI_TOKEN_CLOSE, OrbitaliTokenRefusal } from "./wire.js";

/*
 * A refused session token as typed errors, layered over core's defaults (`closeEvents`,
 * `httpError`). An expired or already-used token is `TokenExpiredError` (`token_expired`,
 * retryable with a fresh session); any other refusal is `AuthError`. Both the close voxwire's
 * simulator uses (4401 + reason) and an HTTP 401/403 at the upgrade (body with a code) map the
 * same way. `text` arrives redacted.
 */

const STALE_TOKEN: ReadonlySet<string> = new Set([OrbitaliTokenRefusal.expired, OrbitaliTokenRefusal.alreadyUsed]);

function tokenRefused(how: string): ErrorFactory {
  return (text: string, dialect: string): VoxwireError => {
    const vendorCode = vendorCodeOf(text);
    if (vendorCode === OrbitaliTokenRefusal.alreadyUsed) {
      return new TokenExpiredError(
        `the session token was already used (${how}): tokens are single-use, so mint a new session for every connection${quotePeer(text)}`,
        { dialect, vendorCode },
      );
    }
    if (vendorCode !== undefined && STALE_TOKEN.has(vendorCode)) {
      return new TokenExpiredError(
        `the session token expired before the socket opened (${how}): mint a new session and connect within 60 s${quotePeer(text)}`,
        {
          dialect,
          vendorCode,
        },
      );
    }
    return new AuthError(`the session token was refused (${how})${quotePeer(text)}`, { dialect, vendorCode });
  };
}

export const ORBITALI_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [ORBITALI_TOKEN_CLOSE]: tokenRefused(`close ${ORBITALI_TOKEN_CLOSE}`),
};

export const ORBITALI_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  401: tokenRefused("HTTP 401 at the upgrade"),
  403: tokenRefused("HTTP 403 at the upgrade"),
};
