import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { ConfigError, type Logger, silentLogger } from "@voxwire/core";
import { WebSocketServer } from "ws";
import { DEFAULT_LEAD_MS, type PhoneBridge } from "../bridge.js";
import { answerWebhook } from "./answer-webhook.js";
import { CallAdmission, type Readiness } from "./call-admission.js";
import { callStarter } from "./call-starter.js";
import { requireVerifiedCarriers } from "./carrier-verification.js";
import { type DrainOptions, type DrainResult, drainCalls } from "./drain.js";
import type { PhoneBridgeHandlerOptions } from "./handler-options.js";
import { refuseUpgrade } from "./http-replies.js";
import { type HttpRoute, opsRoutes } from "./ops-routes.js";
import { publicBase } from "./public-base.js";
import { type Route, resolveRoutes } from "./routes.js";
import { detectThenStart } from "./stream-detection.js";

/** A carrier's media message is at most a few kB (Asterisk's largest is 65,500 bytes); 1 MiB leaves room for odd peers. */
const MAX_MESSAGE_BYTES = 1 << 20;
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** The bridge as handlers for a `node:http` server's `request` and `upgrade` events. */
export interface PhoneBridgeHandler {
  /** Serves the request when its path is the bridge's (returns true); false leaves it to the host. */
  handleRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** Takes the upgrade when its path is a stream path (returns true); false leaves it to the host. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** The live calls. */
  calls(): PhoneBridge[];
  /** What `/readyz` reports. */
  readiness(): Readiness;
  /**
   * Stops taking calls (readiness fails at once, new calls get 503), lets the live ones go on
   * until they end or `timeoutMs` (default 30 000) passes, then ends the rest ("draining").
   */
  drain(options?: DrainOptions): Promise<DrainResult>;
  /** Ends every call and releases the WebSocket server; the host's http.Server is the host's to close. */
  close(): Promise<void>;
}

/**
 * The phone bridge mountable on any `node:http` server (plain, Express's, Fastify's): route each
 * `request` and `upgrade` through it, and whatever it does not own (false) through the host's
 * own handlers. `createPhoneBridge` is this on a server of its own.
 */
export function createPhoneBridgeHandler(options: PhoneBridgeHandlerOptions): PhoneBridgeHandler {
  if (options === null || typeof options !== "object" || !options.agent) {
    throw new ConfigError("createPhoneBridge needs { agent }: a dialect or a factory");
  }
  const routes = resolveRoutes(options.carriers);
  for (const { leg } of routes) {
    if (leg.maxLeadMs !== undefined && (options.leadMs ?? DEFAULT_LEAD_MS) > leg.maxLeadMs)
      throw new ConfigError(`leadMs ${options.leadMs} is more than ${leg.name} buffers (${leg.maxLeadMs} ms)`);
  }
  if (options.maxCalls !== undefined && !(Number.isInteger(options.maxCalls) && options.maxCalls >= 0))
    throw new ConfigError(`maxCalls must be a whole number ≥ 0, got ${options.maxCalls}`);
  const log: Logger = options.logger ?? silentLogger;
  requireVerifiedCarriers(
    routes.map((r) => r.leg),
    options.allowUnsigned,
    log,
  );
  if (!options.publicUrl) {
    log.warn(
      "no publicUrl: the stream URL and the signature check follow the request's Host/X-Forwarded-* headers; set publicUrl (--public-url) in production",
    );
  }
  const byAnswer = new Map<string, Route>();
  const byMedia = new Map<string, Route>();
  for (const route of routes) {
    if (route.answerPath !== undefined) byAnswer.set(route.answerPath, route);
    byMedia.set(route.mediaPath, route);
  }
  const detectPath = options.detect?.path;
  if (detectPath !== undefined && (byMedia.has(detectPath) || byAnswer.has(detectPath) || !detectPath.startsWith("/")))
    throw new ConfigError(`the detect path ${detectPath} must start with "/" and be no leg's own path`);

  const live = new Set<PhoneBridge>();
  /** Streams upgraded and not yet a call (carrier detection): they count against the cap. */
  let identifying = 0;
  const admission = new CallAdmission(options.maxCalls, () => live.size + identifying);
  const retryAfter = options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
  const httpRoutes = new Map<string, HttpRoute>(options.healthRoutes === false ? [] : opsRoutes(admission, options.metrics));
  for (const [path, route] of Object.entries(options.routes ?? {})) {
    if (byAnswer.has(path) || byMedia.has(path) || path === detectPath) throw new ConfigError(`the route ${path} is a carrier's path`);
    httpRoutes.set(path, route);
  }

  const startCall = callStarter(options, log, (call, route) => {
    live.add(call);
    void call.ended.then((event) => {
      live.delete(call);
      const ids = { carrier: route.leg.name, callId: call.call?.callId ?? "", streamId: call.call?.streamId ?? "" };
      log.info(`${route.leg.name} call ${ids.callId || "(not started)"} ended: ${event.reason} (${event.detail})`, { ...ids, reason: event.reason });
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });

  /** The reply to a call this process will not take now: the carrier retries elsewhere or later. */
  const refusalText = () => (admission.draining ? "draining" : "at capacity");

  function handleRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? "/").split("?")[0]!;
    const own = httpRoutes.get(path);
    const route = own ? undefined : byAnswer.get(path);
    if (!own && !route) return false;
    const run = async () => {
      if (own) return own(req, res);
      if (admission.refusal()) {
        log.warn(`${route!.leg.name} webhook refused: ${refusalText()}`);
        return void res.writeHead(503, { "content-type": "text/plain", "retry-after": String(retryAfter) }).end(refusalText());
      }
      return answerWebhook(route!.leg, route!.mediaPath, options.publicUrl, req, res, log);
    };
    run().catch((error: unknown) => {
      log.error(`${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
    return true;
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = (req.url ?? "/").split("?")[0]!;
    const route = byMedia.get(path);
    if (!route && path !== detectPath) return false;
    socket.on("error", () => {});
    if (route) {
      const request = {
        url: publicBase(options.publicUrl, req, "ws") + (req.url ?? "/"),
        method: req.method ?? "GET",
        headers: req.headers,
        body: "",
        form: new URLSearchParams(),
      };
      if (route.leg.verify?.(request, "stream") === false) {
        log.warn(`${route.leg.name} media stream refused: the request signature does not match`);
        refuseUpgrade(socket, 403, "Forbidden");
        return true;
      }
    }
    if (admission.refusal()) {
      log.warn(`stream on ${path} refused: ${refusalText()}`);
      refuseUpgrade(socket, 503, "Service Unavailable", retryAfter);
      return true;
    }
    if (route) {
      wss.handleUpgrade(req, socket, head, (ws) => startCall(ws, route));
      return true;
    }
    identifying++;
    let counted = true;
    const settled = () => {
      if (counted) identifying--;
      counted = false;
    };
    wss.handleUpgrade(req, socket, head, (ws) =>
      detectThenStart(
        ws,
        req,
        routes,
        {
          path: detectPath!,
          timeoutMs: options.detect?.timeoutMs ?? 5000,
          maxFrames: options.detect?.maxFrames ?? 8,
          publicUrl: options.publicUrl,
          log,
        },
        // The stream becomes a call in the same turn it stops being counted as identifying.
        (ws, claimed) => startCall(ws, claimed),
        settled,
      ),
    );
    return true;
  }

  let draining: Promise<DrainResult> | undefined;
  let closing: Promise<void> | undefined;
  return {
    handleRequest,
    handleUpgrade,
    calls: () => [...live],
    readiness: () => admission.readiness(),
    drain(drainOptions = {}) {
      admission.startDraining();
      draining ??= drainCalls(() => [...live], drainOptions, log);
      return draining;
    },
    close() {
      closing ??= (async () => {
        admission.startDraining();
        await Promise.all([...live].map((call) => call.close("server_closing")));
        for (const client of wss.clients) client.terminate();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
}
