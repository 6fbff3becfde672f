import { type CredentialRoute, type CredentialRouteOptions, createCredentialRoute } from "@voxwire/core";
import { bootstrapRequest } from "../bootstrap.js";
import { type CreateOrbitaliSessionOptions, createOrbitaliSession } from "./create-session.js";

export interface OrbitaliSessionRouteOptions
  extends Omit<CreateOrbitaliSessionOptions, "signal">,
    Pick<CredentialRouteOptions, "authorize" | "onError" | "logger" | "timeoutMs"> {
  /** Origins allowed to call the route cross-origin (`*` for any). Default: same origin only. */
  allowOrigins?: readonly string[];
}

/**
 * The backend route of the document's two-step flow, ready made: the browser POSTs, the route
 * mints a realtime session with the permanent key and answers `{ token, expiresAt, websocketUrl,
 * protocol }`; failures answer a generic status and code (the detail goes to `onError`/`logger`), never a secret. Pass `authorize` in production.
 * `.fetch` is a Next.js App Router handler (`export const POST = route.fetch`), `.node` serves
 * node:http and Express. Options are checked now, so a bad key or agent id fails at startup.
 */
export function createOrbitaliSessionRoute(options: OrbitaliSessionRouteOptions): CredentialRoute {
  bootstrapRequest(options);
  const { allowOrigins, authorize, onError, logger, timeoutMs, ...session } = options;
  return createCredentialRoute({
    mint: (signal) => createOrbitaliSession({ ...session, signal }),
    ...(allowOrigins ? { allowOrigins } : {}),
    ...(authorize !== undefined ? { authorize } : {}),
    ...(onError ? { onError } : {}),
    ...(logger ? { logger } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
}
