import { AuthError, ConcurrencyLimitError, type ErrorFactory, vendorCodeOf } from "@voxwire/core";
import { DeepgramClose } from "./wire.js";

/*
 * Deepgram's documented failures as typed errors, layered over core's defaults (`closeEvents`,
 * `httpError`). `reason`/`body` arrive redacted.
 */

export const DEEPGRAM_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [DeepgramClose.badKey]: (r, d) => new AuthError(`the key was refused (close ${DeepgramClose.badKey})`, { dialect: d, vendorCode: vendorCodeOf(r) }),
};

export const DEEPGRAM_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  401: (b, d) => new AuthError("the key was refused (HTTP 401)", { dialect: d, vendorCode: vendorCodeOf(b) }),
  429: (b, d) => new ConcurrencyLimitError("too many live sessions (HTTP 429)", { dialect: d, vendorCode: vendorCodeOf(b) }),
};
