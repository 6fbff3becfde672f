import { type CredentialRoute, type CredentialRouteOptions, createCredentialRoute } from "@voxwire/core";
import { type MintGeminiTokenOptions, mintGeminiToken, tokenRequest } from "./mint-token.js";

export interface GeminiTokenRouteOptions
  extends Omit<MintGeminiTokenOptions, "signal">,
    Pick<CredentialRouteOptions, "authorize" | "onError" | "logger" | "timeoutMs"> {
  /** Origins allowed to call the route cross-origin (`*` for any). Default: same origin only. */
  allowOrigins?: readonly string[];
}

/**
 * The backend route a page calls before `gemini({ token })`: it checks the caller (`authorize`),
 * mints an ephemeral token with the API key held here and answers `{ token, expiresAt,
 * newSessionExpiresAt }`; failures answer a generic status and code (the detail goes to
 * `onError`/`logger`), never the key. `.fetch` serves fetch-style frameworks, `.node` node:http
 * and Express. Options are checked now, so a bad key or model fails at startup.
 */
export function createGeminiTokenRoute(options: GeminiTokenRouteOptions): CredentialRoute {
  const { allowOrigins, authorize, onError, logger, timeoutMs, ...mint } = options;
  tokenRequest(mint, 0);
  return createCredentialRoute({
    mint: (signal) => mintGeminiToken({ ...mint, signal }),
    ...(allowOrigins ? { allowOrigins } : {}),
    ...(authorize !== undefined ? { authorize } : {}),
    ...(onError ? { onError } : {}),
    ...(logger ? { logger } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}
