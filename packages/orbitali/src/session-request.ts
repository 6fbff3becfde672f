import { type HttpRequestSpec, type HttpResponseData, readJsonObject } from "@voxwire/core";
import { type OrbitaliSession, readOrbitaliSession } from "./orbitali-session.js";
import { validateAgentId, validateApiKey, validateBaseUrl } from "./validate.js";
import { realtimeSessionsPath } from "./wire.js";

/** Who asks for a realtime session: the permanent key, the agent, and the API host. */
export interface RealtimeSessionRequestOptions {
  /** The permanent key (`orb_live_…`): server-side only. */
  apiKey: string;
  /** The agent's id (a UUID in the Orbitali dashboard). */
  agentId: string;
  /** Another host for the same API (a local simulator): `http://127.0.0.1:PORT`. Default `https://api.orbitali.ai`. */
  baseUrl?: string;
}

/**
 * The realtime-sessions call as data: `POST {baseUrl}/public/v1/agents/{agentId}/realtime-sessions`
 * with `Authorization: Bearer <key>` and no body, as the document's curl sends it. Shared by
 * `createOrbitaliSession` (which performs it) and the dialect's bootstrap (the runtime performs it).
 */
export function realtimeSessionRequest(options: RealtimeSessionRequestOptions): HttpRequestSpec {
  const apiKey = validateApiKey(options.apiKey);
  const agentId = validateAgentId(options.agentId);
  const base = validateBaseUrl(options.baseUrl);
  return {
    method: "POST",
    url: `${base}${realtimeSessionsPath(agentId)}`,
    headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
    secrets: [apiKey],
  };
}

/** Reads a successful answer into a session; a body that is not the documented JSON is a fatal `ProtocolError`. */
export function parseRealtimeSessionResponse(response: HttpResponseData): OrbitaliSession {
  const body = readJsonObject(response.body, { dialect: "orbitali", what: `the realtime-sessions answer (HTTP ${response.status})` });
  return readOrbitaliSession(body, "response");
}
