import type { ConnectOptions, Dialect } from "@voxwire/core";
import type { BridgeOptions, PhoneBridge } from "../bridge.js";
import type { PhoneCall } from "../bridge-events.js";
import type { CarrierLeg, CarrierRoute } from "../carrier.js";
import type { HttpRoute } from "./ops-routes.js";

/** What the bridge's request and upgrade handlers take; `createPhoneBridge` adds where to listen. */
export interface PhoneBridgeHandlerOptions extends BridgeOptions {
  /** The agent every call is bridged to: a client dialect, or a factory per call (it sees the stream's parameters). */
  agent: Dialect | ((call: PhoneCall) => Dialect | Promise<Dialect>);
  /** The carrier legs served, each at its paths (a leg alone: `/<name>/answer` and `/<name>/media`). */
  carriers: readonly (CarrierLeg | CarrierRoute)[];
  /** Options for `connect()` of each agent session (timeouts, fetch, WebSocket, quality, logger). */
  agentOptions?: Omit<ConnectOptions, "input" | "output" | "signal">;
  /**
   * The public base URL the carrier reaches this server at (`https://abc.ngrok.app`): the answer
   * document's stream URL is built from it and request signatures are checked against it. Without
   * it the URL follows the request's `Host`, `X-Forwarded-Host` and `X-Forwarded-Proto`, which
   * whoever sends the webhook controls (behind a proxy that does not overwrite them, a caller could
   * point the stream elsewhere): set it in production. The server logs a warning at start when it is missing.
   */
  publicUrl?: string;
  /**
   * Start even though a leg cannot verify its carrier's requests (no auth token, signing key or
   * credentials): anyone who finds the server can then open agent sessions billed to your key.
   * Without it such a server refuses to start (`ConfigError`); with it, it warns once at start.
   */
  allowUnsigned?: boolean;
  /**
   * A stream that sends nothing for this long is dead (carriers send media every 20 ms while a
   * call is up): the call is ended on both legs, so a leg that starts and then sends nothing
   * cannot hold an agent session billed to the operator. Default 10 000 ms; 0 turns it off.
   */
  phoneInactivityMs?: number;
  /**
   * A WebSocket ping on each leg's socket this often, ms (default 20 000; 0 turns pings off): a
   * proxy's idle timeout does not cut a quiet call, and a half-open peer is found. `agentOptions`
   * may set the agent leg's own.
   */
  pingIntervalMs?: number;
  /** A ping unanswered for this long ends the call on both legs as half-open, ms (default 10 000). */
  pongTimeoutMs?: number;
  /** The longest a call may last, ms (default none): past it the call is ended ("max-duration"). */
  maxCallMs?: number;
  /**
   * A stream path shared by every leg (default none): the carrier is detected from the upgrade
   * and the opening messages (each leg's `detect`), held until one leg claims the stream, then
   * replayed into its session. A stream no leg claims within `timeoutMs` (default 5000) or
   * `maxFrames` (default 8) is closed with 1008. Each leg's own path still serves it alone.
   */
  detect?: { path: string; timeoutMs?: number; maxFrames?: number };
  /** Called with each new bridge (to listen to its events). */
  onCall?: (bridge: PhoneBridge) => void;
  /**
   * Live calls allowed at once in this process (default unlimited). Beyond it the answer webhook
   * and new streams get HTTP 503 with `Retry-After`, `/readyz` fails, and no live call is touched.
   */
  maxCalls?: number;
  /** The `Retry-After` of a refused call, in seconds (default 5). */
  retryAfterSeconds?: number;
  /** `/healthz` and `/readyz` (default true); false where the host application serves its own. */
  healthRoutes?: boolean;
  /** More HTTP routes served by exact path (a metrics endpoint, a status page). */
  routes?: Readonly<Record<string, HttpRoute>>;
  /**
   * Messages a socket sends within one callback leave in one write (default true): fewer system
   * calls once the bridge is overloaded. Off only to measure the difference.
   */
  batchWrites?: boolean;
}
