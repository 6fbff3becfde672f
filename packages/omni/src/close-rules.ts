import {
  AuthError,
  ConcurrencyLimitError,
  type ErrorFactory,
  InvalidRequestError,
  quotePeer,
  ScopeError,
  type VoxwireError,
  vendorCodeOf,
} from "@voxwire/core";
import { OMNI_SESSION_SCOPE, OmniClose, OmniVendorCode } from "./wire.js";

/*
 * Omni's documented failures as typed errors, layered over core's defaults (`closeEvents`,
 * `httpError`). `reason`/`body` arrive redacted; they are quoted (shortened) after the message.
 */

/** `origin_not_allowed` may come as a close reason or an upgrade body, under 4403/403 or another code. */
function isOriginRefusal(text: string): boolean {
  return vendorCodeOf(text) === OmniVendorCode.originNotAllowed || text.includes(OmniVendorCode.originNotAllowed);
}

function originNotAllowed(text: string, dialect: string): VoxwireError {
  return new AuthError(
    `this page's origin is not allow-listed for the publishable token (origin_not_allowed): add the origin in the Omni console${quotePeer(text)}`,
    { dialect, vendorCode: OmniVendorCode.originNotAllowed },
  );
}

/** Checks for an origin refusal first, whatever the code, then applies `factory`. */
function orOrigin(factory: ErrorFactory): ErrorFactory {
  return (text, dialect) => (isOriginRefusal(text) ? originNotAllowed(text, dialect) : factory(text, dialect));
}

export const OMNI_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [OmniClose.badKey]: orOrigin(
    (r, d) =>
      new AuthError(
        `the key was refused (close 4401): check that it is a current pyai_test_/pyai_live_ key or an unexpired publishable token${quotePeer(r)}`,
        { dialect: d, vendorCode: vendorCodeOf(r) },
      ),
  ),
  [OmniClose.missingScope]: orOrigin(
    (r, d) =>
      new ScopeError(
        `the key lacks the ${OMNI_SESSION_SCOPE} scope (close 4403): use a key or token that grants ${OMNI_SESSION_SCOPE}${quotePeer(r)}`,
        {
          dialect: d,
          vendorCode: vendorCodeOf(r),
        },
      ),
  ),
  1008: orOrigin(
    (r, d) => new AuthError(`the peer closed for a policy violation (close 1008)${quotePeer(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
  ),
};

export const OMNI_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  400: (b, d) =>
    vendorCodeOf(b) === OmniVendorCode.invalidAgentId
      ? new InvalidRequestError(`the agent id was refused (HTTP 400 invalid_agent_id): check agentId in the Omni console${quotePeer(b)}`, {
          dialect: d,
          vendorCode: OmniVendorCode.invalidAgentId,
        })
      : new InvalidRequestError(`the upgrade was refused as malformed (HTTP 400)${quotePeer(b)}`, { dialect: d, vendorCode: vendorCodeOf(b) }),
  401: (b, d) => new AuthError(`the key was refused (HTTP 401)${quotePeer(b)}`, { dialect: d, vendorCode: vendorCodeOf(b) }),
  403: orOrigin((b, d) =>
    b.includes(OMNI_SESSION_SCOPE)
      ? new ScopeError(`the key lacks the ${OMNI_SESSION_SCOPE} scope (HTTP 403)${quotePeer(b)}`, { dialect: d, vendorCode: vendorCodeOf(b) })
      : new AuthError(`access was forbidden (HTTP 403)${quotePeer(b)}`, { dialect: d, vendorCode: vendorCodeOf(b) }),
  ),
  429: (b, d) =>
    new ConcurrencyLimitError(
      `too many live Omni sessions (HTTP 429 concurrency_limit_exceeded): close old sessions or raise the plan's limit, then retry${quotePeer(b)}`,
      { dialect: d, vendorCode: vendorCodeOf(b) ?? OmniVendorCode.concurrencyLimitExceeded },
    ),
};
