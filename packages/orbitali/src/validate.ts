import { ConfigError, isHeaderValueSafe, validateBaseUrl as validateUrl } from "@voxwire/core";
import { DIALECT_NAME, ORBITALI_DEFAULT_BASE_URL } from "./wire.js";

/**
 * Agent ids voxwire accepts before any request: 1–128 of `A-Z a-z 0-9 _ -` (the document's ids
 * are UUIDs). Anything else could only ever be refused, so it is refused without a round trip.
 */
const AGENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function isValidAgentId(agentId: unknown): agentId is string {
  return typeof agentId === "string" && AGENT_ID.test(agentId);
}

export function validateAgentId(agentId: unknown): string {
  if (!isValidAgentId(agentId)) {
    throw new ConfigError("agentId must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-' (the Orbitali agent UUID)", {
      dialect: DIALECT_NAME,
      vendorCode: "invalid_agent_id",
    });
  }
  return agentId;
}

/** The permanent key; the message never includes it. */
export function validateApiKey(apiKey: unknown): string {
  if (typeof apiKey !== "string" || apiKey.length === 0) {
    throw new ConfigError("an Orbitali API key (orb_live_…) is required", { dialect: DIALECT_NAME });
  }
  if (!isHeaderValueSafe(apiKey)) {
    throw new ConfigError("the API key contains spaces or characters an Authorization header cannot carry", { dialect: DIALECT_NAME });
  }
  return apiKey;
}

/** The API origin (and optional path prefix) for the realtime-sessions call: http(s) only, no query. */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: ORBITALI_DEFAULT_BASE_URL, schemes: "http" });
}
