import { AuthError, ConcurrencyLimitError, type ErrorFactory, vendorCodeOf } from "@voxwire/core";
import { OpenaiClose } from "./wire.js";

/*
 * Openai's documented failures as typed errors, layered over core's defaults (`closeEvents`,
 * `httpError`). `reason`/`body` arrive redacted.
 */

export const OPENAI_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [OpenaiClose.badKey]: (r, d) => new AuthError(`the key was refused (close ${OpenaiClose.badKey})`, { dialect: d, vendorCode: vendorCodeOf(r) }),
};

export const OPENAI_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  401: (b, d) => new AuthError("the key was refused (HTTP 401)", { dialect: d, vendorCode: vendorCodeOf(b) }),
  429: (b, d) => new ConcurrencyLimitError("too many live sessions (HTTP 429)", { dialect: d, vendorCode: vendorCodeOf(b) }),
};
