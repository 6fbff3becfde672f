import type { IncomingMessage, ServerResponse } from "node:http";
import { type BridgeMetrics, metricsHandler } from "../observe/bridge-metrics.js";
import type { CallAdmission } from "./call-admission.js";
import { replyJson } from "./http-replies.js";

/** An HTTP route the bridge serves beside the carriers' webhooks. */
export type HttpRoute = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The operational routes: liveness and readiness, for a load balancer or an orchestrator's
 * probes, and `/metrics` (Prometheus' text format) when the bridge reports into `metrics`.
 */
export function opsRoutes(admission: CallAdmission, metrics?: BridgeMetrics): Map<string, HttpRoute> {
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
    // This process's calls: behind --workers each scrape reaches one worker (see deploying-a-bridge.md).
    ...(metrics ? ([["/metrics", metricsHandler(metrics)]] as const) : []),
    // An application adds its own routes through the `routes` option.
  ]);
}
