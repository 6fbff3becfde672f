import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { accept, ConfigError, type ConnectOptions, connect, type Dialect, type Logger, silentLogger } from "@voxwire/core";
import { WebSocketServer } from "ws";
import { BatchedWebSocket, batchSends } from "../batched-sends.js";
import { type BridgeOptions, bridge, DEFAULT_LEAD_MS, type PhoneBridge } from "../bridge.js";
import type { PhoneCall } from "../bridge-events.js";
import type { CarrierLeg, CarrierRequest, CarrierRoute } from "../carrier.js";
import { detectCarrier } from "./detect-carrier.js";

/** Webhook bodies are small form posts; anything larger is refused. */
const MAX_WEBHOOK_BYTES = 64 * 1024;
/** A carrier's media message is at most a few kB (Asterisk's largest is 65,500 bytes); 1 MiB leaves room for odd peers. */
const MAX_MESSAGE_BYTES = 1 << 20;

/** Carriers stream media every 20 ms: ten seconds of nothing is a dead or hostile leg. */
const DEFAULT_PHONE_INACTIVITY_MS = 10_000;

export interface PhoneServerOptions extends BridgeOptions {
  /** The agent every call is bridged to: a client dialect, or a factory per call (it sees the stream's parameters). */
  agent: Dialect | ((call: PhoneCall) => Dialect | Promise<Dialect>);
  /** The carrier legs served, each at its paths (a leg alone: `/<name>/answer` and `/<name>/media`). */
  carriers: readonly (CarrierLeg | CarrierRoute)[];
  /** Options for `connect()` of each agent session (timeouts, fetch, WebSocket, quality, logger). */
  agentOptions?: Omit<ConnectOptions, "input" | "output" | "signal">;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (put a tunnel or a proxy in front); `0.0.0.0` to listen on every interface. */
  host?: string;
  /**
   * The public base URL the carrier reaches this server at (`https://abc.ngrok.app`): the answer
   * document's stream URL is built from it and request signatures are checked against it. Without
   * it the URL follows the request's `Host`, `X-Forwarded-Host` and `X-Forwarded-Proto`, which
   * whoever sends the webhook controls (behind a proxy that does not overwrite them, a caller could
   * point the stream elsewhere): set it in production. The server logs a warning at start when it is missing.
   */
  publicUrl?: string;
  /**
   * A stream that sends nothing for this long is dead (carriers send media every 20 ms while a
   * call is up): the call is ended on both legs, so a leg that starts and then sends nothing
   * cannot hold an agent session billed to the operator. Default 10 000 ms; 0 turns it off.
   */
  phoneInactivityMs?: number;
  /**
   * A stream path shared by every leg (default none): the carrier is detected from the upgrade
   * and the opening messages (each leg's `detect`), held until one leg claims the stream, then
   * replayed into its session. A stream no leg claims within `timeoutMs` (default 5000) or
   * `maxFrames` (default 8) is closed with 1008. Each leg's own path still serves it alone.
   */
  detect?: { path: string; timeoutMs?: number; maxFrames?: number };
  /** Called with each new bridge (to listen to its events). */
  onCall?: (bridge: PhoneBridge) => void;
  /** Live calls allowed at once; further streams are refused. Default unlimited. */
  maxCalls?: number;
  /**
   * Messages a socket sends within one callback leave in one write (default true): fewer system
   * calls once the bridge is overloaded. Off only to measure the difference.
   */
  batchWrites?: boolean;
}

export interface PhoneBridgeServer {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** The live calls. */
  calls(): PhoneBridge[];
  /** Ends every call, stops listening, and resolves when everything is released. */
  close(): Promise<void>;
}

/**
 * A ready phone bridge for any set of carriers: each leg's webhook path answers with its answer
 * document (TwiML, TeXML, …) pointing the carrier at the leg's stream path, which takes the
 * stream; each call is bridged to a fresh agent session (at the phone's rate where the agent's
 * dialect allows, so nothing is resampled). A leg with a signature secret refuses unsigned
 * requests; a leg with REST credentials hangs up and transfers through its carrier.
 */
export async function createPhoneBridge(options: PhoneServerOptions): Promise<PhoneBridgeServer> {
  if (options === null || typeof options !== "object" || !options.agent) {
    throw new ConfigError("createPhoneBridge needs { agent }: a dialect or a factory");
  }
  const routes = resolveRoutes(options.carriers);
  for (const { leg } of routes) {
    if (leg.maxLeadMs !== undefined && (options.leadMs ?? DEFAULT_LEAD_MS) > leg.maxLeadMs)
      throw new ConfigError(`leadMs ${options.leadMs} is more than ${leg.name} buffers (${leg.maxLeadMs} ms)`);
  }
  const log: Logger = options.logger ?? silentLogger;
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
  const live = new Set<PhoneBridge>();
  const detectPath = options.detect?.path;
  if (detectPath !== undefined && (byMedia.has(detectPath) || byAnswer.has(detectPath) || !detectPath.startsWith("/")))
    throw new ConfigError(`the detect path ${detectPath} must start with "/" and be no leg's own path`);

  const publicBase = (req: IncomingMessage, scheme: "http" | "ws"): string => {
    if (options.publicUrl) {
      const base = options.publicUrl.replace(/\/+$/, "");
      return scheme === "ws" ? base.replace(/^http/, "ws") : base;
    }
    const forwarded = String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]
      ?.trim();
    const secure = forwarded === "https" || forwarded === "wss";
    const host = req.headers["x-forwarded-host"] ?? req.headers.host ?? "localhost";
    return `${scheme}${secure ? "s" : ""}://${host}`;
  };

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0]!;
    const route = byAnswer.get(path);
    if (!route) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    if (req.method !== "POST" && req.method !== "GET") return void res.writeHead(405, { allow: "POST, GET" }).end();
    let body: string;
    try {
      body = req.method === "POST" ? await readBody(req) : "";
    } catch {
      return void res.writeHead(413, { "content-type": "text/plain" }).end("request too large");
    }
    const urlencoded = String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded") || !req.headers["content-type"];
    const form = urlencoded ? new URLSearchParams(body) : new URLSearchParams();
    const request: CarrierRequest = { url: publicBase(req, "http") + (req.url ?? "/"), method: req.method, headers: req.headers, body, form };
    if (route.leg.verify?.(request, "webhook") === false) {
      log.warn(`${route.leg.name} webhook refused: the request signature does not match`);
      return void res.writeHead(403, { "content-type": "text/plain" }).end("invalid signature");
    }
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    const fields = new URLSearchParams([...query, ...form]);
    const document = route.leg.answer!({ streamUrl: publicBase(req, "ws") + route.mediaPath, fields });
    res.writeHead(200, { "content-type": document.contentType }).end(document.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      log.error(`webhook failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => {});
    const path = (req.url ?? "/").split("?")[0]!;
    if (path === detectPath) {
      if (options.maxCalls !== undefined && live.size >= options.maxCalls) return refuse(socket, 503, "Service Unavailable");
      return void wss.handleUpgrade(req, socket, head, (ws) => detectThenStart(ws, req));
    }
    const route = byMedia.get(path);
    if (!route) return refuse(socket, 404, "Not Found");
    const request: CarrierRequest = {
      url: publicBase(req, "ws") + (req.url ?? "/"),
      method: req.method ?? "GET",
      headers: req.headers,
      body: "",
      form: new URLSearchParams(),
    };
    if (route.leg.verify?.(request, "stream") === false) {
      log.warn(`${route.leg.name} media stream refused: the request signature does not match`);
      return refuse(socket, 403, "Forbidden");
    }
    if (options.maxCalls !== undefined && live.size >= options.maxCalls) return refuse(socket, 503, "Service Unavailable");
    wss.handleUpgrade(req, socket, head, (ws) => startCall(ws, route));
  });

  const batch = options.batchWrites ?? true;
  const agentSocket = options.agentOptions?.WebSocket ?? (batch ? (BatchedWebSocket as unknown as ConnectOptions["WebSocket"]) : undefined);

  /** Holds a shared-path stream's frames until a leg claims it, then starts its call and replays them. */
  function detectThenStart(ws: import("ws").WebSocket, req: IncomingMessage): void {
    const legs = routes.map((r) => r.leg);
    const frames: (string | Uint8Array)[] = [];
    const held: [Buffer, boolean][] = [];
    const protocols = String(req.headers["sec-websocket-protocol"] ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const maxFrames = options.detect?.maxFrames ?? 8;
    let done = false;
    const finish = () => {
      done = true;
      clearTimeout(timer);
      ws.off("message", onMessage);
    };
    const refuseStream = (why: string) => {
      finish();
      log.warn(`stream on ${detectPath} refused: ${why}`);
      ws.close(1008, why.slice(0, 120));
    };
    const decide = () => {
      const leg = detectCarrier(legs, { headers: req.headers, protocols, frames });
      if (leg === undefined) {
        if (frames.length >= maxFrames) refuseStream(`no carrier recognised in ${frames.length} messages`);
        return;
      }
      if (leg === null) return refuseStream("not the stream of any carrier this server serves");
      const route = routes.find((r) => r.leg === leg)!;
      const request: CarrierRequest = {
        url: publicBase(req, "ws") + (req.url ?? "/"),
        method: "GET",
        headers: req.headers,
        body: "",
        form: new URLSearchParams(),
      };
      if (route.leg.verify?.(request, "stream") === false) return refuseStream(`${leg.name}: the request signature does not match`);
      finish();
      startCall(ws, route);
      // The session listens now: what detection held goes to it first, in order.
      for (const [data, isBinary] of held) ws.emit("message", data, isBinary);
    };
    const onMessage = (data: Buffer, isBinary: boolean) => {
      if (done) return;
      held.push([data, isBinary]);
      frames.push(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data.toString("utf8"));
      decide();
    };
    const timer = setTimeout(() => refuseStream("no carrier recognised in time"), options.detect?.timeoutMs ?? 5000);
    ws.on("message", onMessage);
    ws.once("close", () => {
      if (!done) finish();
    });
    decide();
  }

  function startCall(ws: import("ws").WebSocket, route: Route): void {
    if (batch) batchSends(ws);
    const phone = accept(route.dialect, ws as unknown as Parameters<typeof accept>[1], {
      ...(options.logger ? { logger: options.logger } : {}),
      inactivityTimeoutMs: options.phoneInactivityMs ?? DEFAULT_PHONE_INACTIVITY_MS,
    });
    const onTransfer = options.onTransfer ?? route.leg.onTransfer;
    const onHangup = options.onHangup ?? route.leg.onHangup;
    const flowSignal = options.flowSignal ?? route.leg.flowSignal;
    const bridgeOptions: BridgeOptions = {
      ...options,
      ...(onTransfer ? { onTransfer } : {}),
      ...(onHangup ? { onHangup } : {}),
      ...(flowSignal ? { flowSignal } : {}),
    };
    const callerRate = phone.audio.output.sampleRate;
    const call = bridge(
      phone,
      async (info, signal) => {
        const dialect = typeof options.agent === "function" ? await options.agent(info) : options.agent;
        return connect(dialect, {
          ...options.agentOptions,
          ...(agentSocket ? { WebSocket: agentSocket } : {}),
          // The agent's session converts the caller's audio to its wire rate (nothing at all for an
          // agent at the phone's rate); its own audio comes at its wire rate, and the bridge converts
          // and frames it, so a turn's tail can be flushed when the agent falls silent.
          input: { sampleRate: callerRate },
          signal,
        });
      },
      bridgeOptions,
    );
    live.add(call);
    void call.ended.then((event) => {
      live.delete(call);
      log.info(`${route.leg.name} call ${call.call?.callId ?? "(not started)"} ended: ${event.reason} (${event.detail})`);
    });
    try {
      options.onCall?.(call);
    } catch (error) {
      log.error(`onCall threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    server,
    calls: () => [...live],
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all([...live].map((call) => call.close("server_closing")));
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        await stopped;
      })();
      return closing;
    },
  };
}

interface Route {
  readonly leg: CarrierLeg;
  readonly answerPath: string | undefined;
  readonly mediaPath: string;
  readonly dialect: Dialect;
}

/** Every leg at its paths, each path served once. */
function resolveRoutes(carriers: PhoneServerOptions["carriers"]): Route[] {
  if (!Array.isArray(carriers) || carriers.length === 0) throw new ConfigError("createPhoneBridge needs { carriers }: at least one carrier leg");
  const seen = new Set<string>();
  const claim = (path: string, name: string) => {
    if (!path.startsWith("/")) throw new ConfigError(`${name}: a path must start with "/", got ${JSON.stringify(path)}`);
    if (seen.has(path)) throw new ConfigError(`${name}: the path ${path} is served twice`);
    seen.add(path);
  };
  return carriers.map((entry: CarrierLeg | CarrierRoute) => {
    const route: CarrierRoute = "leg" in entry ? entry : { leg: entry };
    const { leg } = route;
    const mediaPath = route.mediaPath ?? `/${leg.name}/media`;
    const answerPath = leg.answer ? (route.answerPath ?? `/${leg.name}/answer`) : undefined;
    claim(mediaPath, leg.name);
    if (answerPath !== undefined) claim(answerPath, leg.name);
    return { leg, mediaPath, answerPath, dialect: leg.dialect(mediaPath) };
  });
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_WEBHOOK_BYTES) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
