import { ConfigError } from "@voxwire/core";
import { ORBITALI_DEFAULT_BASE_URL } from "./wire.js";

const DIALECT = "orbitali";

/**
 * Agent ids voxwire accepts before any request: 1–128 of `A-Z a-z 0-9 _ -` (the document's ids
 * are UUIDs). Anything else could only ever be refused, so it is refused without a round trip.
 */
const AGENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/** Visible ASCII only: anything else cannot be an HTTP header value (and would be header injection). */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export function isValidAgentId(agentId: unknown): agentId is string {
  return typeof agentId === "string" && AGENT_ID.test(agentId);
}

export function validateAgentId(agentId: unknown): string {
  if (!isValidAgentId(agentId)) {
    throw new ConfigError("agentId must be 1-128 characters of A-Z, a-z, 0-9, '_' or '-' (the Orbitali agent UUID)", {
      dialect: DIALECT,
      vendorCode: "invalid_agent_id",
    });
  }
  return agentId;
}

/** The permanent key; the message never includes it. */
export function validateApiKey(apiKey: unknown): string {
  if (typeof apiKey !== "string" || apiKey.length === 0) {
    throw new ConfigError("an Orbitali API key (orb_live_…) is required", { dialect: DIALECT });
  }
  if (!HEADER_SAFE.test(apiKey)) {
    throw new ConfigError("the API key contains spaces or characters an Authorization header cannot carry", { dialect: DIALECT });
  }
  return apiKey;
}

/** The API origin (and optional path prefix) for the realtime-sessions call: http(s) only, no query. */
export function validateBaseUrl(baseUrl: unknown): string {
  if (baseUrl === undefined) return ORBITALI_DEFAULT_BASE_URL;
  let url: URL;
  try {
    if (typeof baseUrl !== "string") throw new TypeError();
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError("baseUrl must be an absolute http: or https: URL", { dialect: DIALECT });
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash || url.username || url.password) {
    throw new ConfigError("baseUrl must be an http: or https: URL without credentials, query or fragment", { dialect: DIALECT });
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}
