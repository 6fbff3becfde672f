import { AuthError, ConcurrencyLimitError, type ErrorFactory, vendorCodeOf } from "@voxwire/core";

/*
 * OpenAI's failures as typed errors, layered over core's defaults (`closeEvents`, `httpError`).
 * `reason`/`body` arrive redacted.
 *
 * Close codes: neither openai-node's realtime types nor the Realtime guides document a 4xxx
 * close code or what 1008 means for this API; the service reports problems as `error` events
 * (client-codec.ts), so every close is left to core's default classification.
 *
 * Upgrade statuses: the REST API's documented statuses (401 a bad key, 403 a region or project
 * refusal, 429 rate limits and quota) apply to the upgrade request as to any other.
 */

export const OPENAI_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};

export const OPENAI_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  401: (b, d) => new AuthError("the key was refused (HTTP 401 at the upgrade)", { dialect: d, vendorCode: vendorCodeOf(b) }),
  403: (b, d) => new AuthError("the key may not open this session (HTTP 403 at the upgrade)", { dialect: d, vendorCode: vendorCodeOf(b) }),
  429: (b, d) => new ConcurrencyLimitError("rate limited (HTTP 429 at the upgrade)", { dialect: d, vendorCode: vendorCodeOf(b) }),
};
