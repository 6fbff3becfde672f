import { ConfigError, isHttpToken, validateBaseUrl as validateUrl } from "@voxwire/core";
import { DIALECT_NAME, OMNI_DEFAULT_BASE_URL, OMNI_RATES, OMNI_SUBPROTOCOL_PREFIX, type OmniRate } from "./wire.js";

/**
 * The agent id shape voxwire accepts before dialing (the guides' `agent_123`; ids are also safe in
 * a query string): 1–128 of `A-Z a-z 0-9 _ -`. The service answers HTTP 400 `invalid_agent_id`
 * to a malformed id; this check catches it without a round trip.
 */
const AGENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function isValidAgentId(agentId: unknown): agentId is string {
  return typeof agentId === "string" && AGENT_ID.test(agentId);
}

/**
 * True when `pyai-key.<credential>` is a valid subprotocol value: RFC 7230 `token` characters
 * only, so a key with `/`, `=` or a space (base64) cannot ride in it; `ws` and browsers refuse it.
 */
export function isSubprotocolSafe(credential: unknown): credential is string {
  return isHttpToken(credential);
}

export function validateAgentId(agentId: unknown): string {
  if (!isValidAgentId(agentId)) {
    throw new ConfigError("agentId must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-' (the service answers 400 invalid_agent_id otherwise)", {
      dialect: DIALECT_NAME,
      vendorCode: "invalid_agent_id",
    });
  }
  return agentId;
}

/** Exactly one credential, usable as a subprotocol token. Messages never include the value. */
export function validateCredential(apiKey: unknown, token: unknown): string {
  if (apiKey !== undefined && token !== undefined) {
    throw new ConfigError("give either apiKey or token, not both", { dialect: DIALECT_NAME });
  }
  const kind = token !== undefined ? "token" : "apiKey";
  const credential = token !== undefined ? token : apiKey;
  if (typeof credential !== "string" || credential.length === 0) {
    throw new ConfigError("an apiKey (pyai_test_… / pyai_live_…) or a publishable token is required", { dialect: DIALECT_NAME });
  }
  if (!isSubprotocolSafe(credential)) {
    throw new ConfigError(
      `the ${kind} cannot be sent as the subprotocol ${OMNI_SUBPROTOCOL_PREFIX}<${kind}>: it contains characters outside RFC 7230 token characters (such as '/', '=', ':' or spaces)`,
      { dialect: DIALECT_NAME },
    );
  }
  return credential;
}

export function validateRate(rate: unknown): OmniRate {
  if (!OMNI_RATES.includes(rate as OmniRate)) {
    throw new ConfigError(`rate must be one of ${OMNI_RATES.join(", ")}`, { dialect: DIALECT_NAME });
  }
  return rate as OmniRate;
}

/** The WebSocket origin to dial: `ws:`/`wss:` as given, `http:`/`https:` mapped to them; no query. */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: OMNI_DEFAULT_BASE_URL, schemes: "ws" });
}
