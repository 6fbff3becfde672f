import { type CredentialRoute, createCredentialRoute } from "@voxwire/core";
import { bootstrapRequest } from "../bootstrap.js";
import { type CreateOrbitaliSessionOptions, createOrbitaliSession } from "./create-session.js";

export interface OrbitaliSessionRouteOptions extends Omit<CreateOrbitaliSessionOptions, "signal"> {
  /** Origins allowed to call the route cross-origin (`*` for any). Default: same origin only. */
  allowOrigins?: readonly string[];
}

/**
 * The backend route of the document's two-step flow, ready made: the browser POSTs, the route
 * mints a realtime session with the permanent key and answers `{ token, expiresAt, websocketUrl,
 * protocol }`; failures answer `{ error, code }` with the vendor's status, never a secret.
 * `.fetch` is a Next.js App Router handler (`export const POST = route.fetch`), `.node` serves
 * node:http and Express. Options are checked now, so a bad key or agent id fails at startup.
 */
export function createOrbitaliSessionRoute(options: OrbitaliSessionRouteOptions): CredentialRoute {
  bootstrapRequest(options);
  const { allowOrigins, ...session } = options;
  return createCredentialRoute({
    mint: (signal) => createOrbitaliSession({ ...session, signal }),
    ...(allowOrigins ? { allowOrigins } : {}),
  });
}
