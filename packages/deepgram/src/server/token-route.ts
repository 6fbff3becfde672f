import { type CredentialRoute, type CredentialRouteOptions, createCredentialRoute } from "@voxwire/core";
import { grantRequest } from "../bootstrap.js";
import { type GrantDeepgramTokenOptions, grantDeepgramToken } from "./grant-token.js";

export interface DeepgramTokenRouteOptions
  extends Omit<GrantDeepgramTokenOptions, "signal">,
    Pick<CredentialRouteOptions, "authorize" | "onError" | "logger" | "timeoutMs"> {
  /** Origins allowed to call the route cross-origin (`*` for any). Default: same origin only. */
  allowOrigins?: readonly string[];
}

/**
 * The backend route a page's `deepgram({ tokenUrl })` calls: the browser POSTs, the route mints a
 * short-lived token with the API key held here (`POST /v1/auth/grant`) and answers
 * `{ access_token, expires_in }`; failures answer a generic status and code (the detail goes to
 * `onError`/`logger`), never a secret. Pass `authorize` in production. `.fetch` is a fetch-style
 * handler (`export const POST = route.fetch`), `.node` serves node:http and Express. Options are
 * checked now, so a bad key or TTL fails at startup.
 */
export function createDeepgramTokenRoute(options: DeepgramTokenRouteOptions): CredentialRoute {
  grantRequest(options);
  const { allowOrigins, authorize, onError, logger, timeoutMs, ...grant } = options;
  return createCredentialRoute({
    mint: (signal) => grantDeepgramToken({ ...grant, signal }),
    ...(allowOrigins ? { allowOrigins } : {}),
    ...(authorize !== undefined ? { authorize } : {}),
    ...(onError ? { onError } : {}),
    ...(logger ? { logger } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}
