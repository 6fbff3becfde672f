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
import { bootstrapRequest, readBootstrapAnswer, type TokenResponse } from "../bootstrap.js";
import { DIALECT_NAME } from "../wire.js";

/** Enough of a vendor's error body for any JSON error, short enough for a log line. */
const MAX_ERROR_BODY_CHARS = 2000;

export interface TokenRouteOptions extends Pick<CredentialRouteOptions, "authorize" | "onError" | "logger" | "timeoutMs"> {
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
  const { authorize, onError, logger, timeoutMs, allowOrigins } = options;
  return createCredentialRoute({
    ...(allowOrigins ? { allowOrigins } : {}),
    ...(authorize !== undefined ? { authorize } : {}),
    ...(onError ? { onError } : {}),
    ...(logger ? { logger } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
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
      // Capped: a vendor streaming an endless body must not hold the route's memory.
      const { text: body, truncated } = await readResponseText(response).catch(() => ({ text: "", truncated: false }));
      if (!response.ok) {
        const safeBody = redactThenCut(body, MAX_ERROR_BODY_CHARS, (text) => redact(text, secrets));
        throw new BootstrapError(`token call ${where} answered HTTP ${response.status}: ${safeBody}`, response.status, safeBody, {
          dialect: DIALECT_NAME,
        });
      }
      if (truncated)
        throw new ProtocolError("the token answer is larger than a token answer can be", {
          dialect: DIALECT_NAME,
          fatal: true,
          vendorCode: "body_too_large",
        });
      const { token, ws_url } = readBootstrapAnswer(body);
      return { token, ws_url };
    },
  });
}
