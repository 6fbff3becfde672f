import { BootstrapError, type CredentialRoute, createCredentialRoute, NetworkError, redact } from "@voxwire/core";
import { bootstrapRequest, readBootstrapAnswer, type TokenResponse } from "../bootstrap.js";
import { DIALECT_NAME } from "../wire.js";

/** Enough of a vendor's error body for any JSON error, short enough for a log line. */
const MAX_ERROR_BODY_CHARS = 2000;

export interface TokenRouteOptions {
  /** The vendor API's base URL (`https://your-api-url.com`). */
  apiUrl: string;
  /** The API key; it stays on this server. */
  apiKey: string;
  /** Origins allowed to call the route cross-origin (`*` for any). Default: same origin only. */
  allowOrigins?: readonly string[];
  /** fetch for the token call. Default: the global fetch. */
  fetch?: typeof fetch;
}

/**
 * The backend route a page's `tokenFirst({ tokenUrl })` calls: it performs the token call with the
 * key held here and answers the browser `{ token, ws_url }`. A vendor non-2xx becomes a
 * `BootstrapError` with the vendor's status and its body, key redacted; the route passes the
 * status on. Mount `.node` on node:http/Express, or `.fetch` on fetch-style frameworks.
 */
export function createTokenRoute(options: TokenRouteOptions): CredentialRoute {
  const request = bootstrapRequest(options.apiUrl, options.apiKey);
  const secrets = request.secrets;
  return createCredentialRoute({
    ...(options.allowOrigins ? { allowOrigins: options.allowOrigins } : {}),
    async mint(signal): Promise<TokenResponse> {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const where = `${request.method} ${request.url}`;
      let response: Response;
      try {
        response = await fetchImpl(request.url, { method: request.method, headers: { ...request.headers }, signal });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new NetworkError(`token call ${where} failed: ${redact(why, secrets)}`, { dialect: DIALECT_NAME });
      }
      const body = await response.text().catch(() => "");
      if (!response.ok) {
        const safeBody = redact(body, secrets).slice(0, MAX_ERROR_BODY_CHARS);
        throw new BootstrapError(`token call ${where} answered HTTP ${response.status}: ${safeBody}`, response.status, safeBody, {
          dialect: DIALECT_NAME,
        });
      }
      const { token, ws_url } = readBootstrapAnswer(body);
      return { token, ws_url };
    },
  });
}
