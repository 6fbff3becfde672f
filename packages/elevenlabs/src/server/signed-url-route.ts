import {
  BootstrapError,
  type CredentialRoute,
  type CredentialRouteOptions,
  createCredentialRoute,
  NetworkError,
  ProtocolError,
  readResponseText,
  redact,
  redactThenCut,
} from "@voxwire/core";
import { readSignedUrl, signedUrlRequest } from "../bootstrap.js";
import { validateAgentId, validateApiKey, validateBaseUrl } from "../validate.js";
import { DIALECT_NAME } from "../wire.js";

/** Enough of a vendor's error body for any JSON error, short enough for a log line. */
const MAX_ERROR_BODY_CHARS = 2000;

export interface SignedUrlRouteOptions extends Pick<CredentialRouteOptions, "authorize" | "onError" | "logger" | "timeoutMs"> {
  /** The private agent's id. */
  agentId: string;
  /** The ElevenLabs API key; it stays on this server. */
  apiKey: string;
  /** Another origin for the API (a simulator, a residency region); default `wss://api.elevenlabs.io` (its REST side). */
  baseUrl?: string;
  /** Origins allowed to call the route cross-origin (`*` for any). Default: same origin only. */
  allowOrigins?: readonly string[];
  /** fetch for the signed-URL call. Default: the global fetch. */
  fetch?: typeof fetch;
}

/**
 * The backend route a page's `elevenlabs({ signedUrlEndpoint })` POSTs to: it fetches a signed URL
 * for the private agent with the key held here (`GET /v1/convai/conversation/get-signed-url`) and
 * answers the page `{ signed_url }`, the key never leaving the server. Failures answer the page
 * with core's generic statuses (`createCredentialRoute`); the vendor's status and body, key
 * redacted, go to `onError`. Mount `.node` on node:http/Express, or `.fetch` on fetch-style frameworks.
 */
export function createSignedUrlRoute(options: SignedUrlRouteOptions): CredentialRoute {
  const request = signedUrlRequest(validateBaseUrl(options.baseUrl), validateAgentId(options.agentId), validateApiKey(options.apiKey));
  const secrets = request.secrets;
  const { authorize, onError, logger, timeoutMs, allowOrigins } = options;
  return createCredentialRoute({
    ...(allowOrigins ? { allowOrigins } : {}),
    ...(authorize !== undefined ? { authorize } : {}),
    ...(onError ? { onError } : {}),
    ...(logger ? { logger } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    async mint(signal): Promise<{ signed_url: string }> {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const where = `${request.method} ${request.url}`;
      let response: Response;
      try {
        response = await fetchImpl(request.url, { method: request.method, headers: { ...request.headers }, signal });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new NetworkError(`signed-URL call ${where} failed: ${redact(why, secrets)}`, { dialect: DIALECT_NAME });
      }
      // Capped: a vendor streaming an endless body must not hold the route's memory.
      const { text: body, truncated } = await readResponseText(response).catch(() => ({ text: "", truncated: false }));
      if (!response.ok) {
        const safeBody = redactThenCut(body, MAX_ERROR_BODY_CHARS, (text) => redact(text, secrets));
        throw new BootstrapError(`signed-URL call ${where} answered HTTP ${response.status}: ${safeBody}`, response.status, safeBody, {
          dialect: DIALECT_NAME,
        });
      }
      if (truncated) {
        throw new ProtocolError("the signed-URL answer is larger than one can be", {
          dialect: DIALECT_NAME,
          fatal: true,
          vendorCode: "body_too_large",
        });
      }
      return { signed_url: readSignedUrl(body) };
    },
  });
}
