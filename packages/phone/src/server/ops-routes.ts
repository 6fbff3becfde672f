import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallAdmission } from "./call-admission.js";
import { replyJson } from "./http-replies.js";

/** An HTTP route the bridge serves beside the carriers' webhooks. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** The operational routes: liveness and readiness, for a load balancer or an orchestrator's probes. */
export function opsRoutes(admission: CallAdmission): Map<string, HttpRoute> {
  return new Map<string, HttpRoute>([
    // Live while the process answers at all, draining included: a restart would cut live calls.
    ["/healthz", (_req, res) => replyJson(res, 200, { status: "live" })],
    // Ready while a new call would be taken: 503 while draining or at the cap, so traffic moves elsewhere.
    [
      "/readyz",
      (_req, res) => {
        const readiness = admission.readiness();
        replyJson(res, readiness.ready ? 200 : 503, {
          status: readiness.ready ? "ready" : readiness.draining ? "draining" : "at_capacity",
          ...readiness,
        });
      },
    ],
    // One more operational route is one more line here (e.g. ["/metrics", metricsRoute]);
    // an application adds its own through the `routes` option.
  ]);
}
