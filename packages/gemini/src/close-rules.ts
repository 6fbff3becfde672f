import { AuthError, ConcurrencyLimitError, type ErrorFactory, vendorCodeOf } from "@voxwire/core";
import { GeminiClose } from "./wire.js";

/*
 * Gemini's documented failures as typed errors, layered over core's defaults (`closeEvents`,
 * `httpError`). `reason`/`body` arrive redacted.
 */

export const GEMINI_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [GeminiClose.badKey]: (r, d) => new AuthError(`the key was refused (close ${GeminiClose.badKey})`, { dialect: d, vendorCode: vendorCodeOf(r) }),
};

export const GEMINI_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  401: (b, d) => new AuthError("the key was refused (HTTP 401)", { dialect: d, vendorCode: vendorCodeOf(b) }),
  429: (b, d) => new ConcurrencyLimitError("too many live sessions (HTTP 429)", { dialect: d, vendorCode: vendorCodeOf(b) }),
};
