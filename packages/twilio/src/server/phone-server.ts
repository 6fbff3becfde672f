import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { accept, ConfigError, type ConnectOptions, connect, type Dialect, type Logger, silentLogger } from "@voxwire/core";
import { WebSocketServer } from "ws";
import { BatchedWebSocket, batchSends } from "../batched-sends.js";
import { type BridgeOptions, bridge, type PhoneBridge } from "../bridge.js";
import type { TwilioCall } from "../bridge-events.js";
import { validateTwilioSignature } from "../signature.js";
import { twilio } from "../twilio.js";
import { connectStreamTwiml } from "../twiml.js";
import { DIALECT_NAME, TWILIO_SAMPLE_RATE } from "../wire.js";
import { type TransferTarget, type TwilioRestOptions, twilioHangupHook, twilioTransferHook } from "./call-control.js";

/** Webhook bodies are small form posts; anything larger is refused. */
const MAX_WEBHOOK_BYTES = 64 * 1024;
/** A Media Streams message is at most a few hundred bytes; 1 MiB leaves room for odd peers. */
const MAX_MESSAGE_BYTES = 1 << 20;

/** Twilio streams media every 20 ms: ten seconds of nothing is a dead or hostile leg. */
const DEFAULT_PHONE_INACTIVITY_MS = 10_000;

export interface PhoneBridgeServerOptions extends BridgeOptions {
  /** The agent every call is bridged to: a client dialect, or a factory per call (it sees the `<Parameter>`s). */
  agent: Dialect | ((call: TwilioCall) => Dialect | Promise<Dialect>);
  /** Options for `connect()` of each agent session (timeouts, fetch, WebSocket, quality, logger). */
  agentOptions?: Omit<ConnectOptions, "input" | "output" | "signal">;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (put a tunnel or a proxy in front); `0.0.0.0` to listen on every interface. */
  host?: string;
  /** Default `/voice` (the number's "A call comes in" webhook) and `/media` (the stream). */
  paths?: { voice?: string; media?: string };
  /**
   * The public base URL Twilio reaches this server at (`https://abc.ngrok.app`): the `<Stream url>`
   * is built from it and request signatures are checked against it. Without it the URL follows
   * the request's `Host`, `X-Forwarded-Host` and `X-Forwarded-Proto`, which whoever sends the
   * webhook controls (behind a proxy that does not overwrite them, a caller could point the
   * stream elsewhere): set it in production. The server logs a warning at start when it is missing.
   */
  publicUrl?: string;
  /**
   * A stream that sends nothing for this long is dead (Twilio sends media every 20 ms while a
   * call is up): the call is ended on both legs, so a leg that sends `start` and then nothing
   * cannot hold an agent session billed to the operator. Default 10 000 ms; 0 turns it off.
   */
  phoneInactivityMs?: number;
  /** `<Parameter>`s for the stream, from the webhook's form fields (`From`, `To`, …). */
  streamParameters?: (form: URLSearchParams) => Record<string, string>;
  /** Twilio credentials: they enable signature validation, the REST hang-up and the default transfer. */
  twilio?: TwilioRestOptions & {
    /** Check `X-Twilio-Signature` on the webhook and the stream's upgrade. Default: on when an auth token is given. */
    validateSignature?: boolean;
  };
  /** Where the default transfer hook sends the caller (needs `twilio` credentials); `onTransfer` overrides it. */
  transfer?: TransferTarget;
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
 * A ready phone bridge: `POST /voice` answers Twilio with `<Connect><Stream>` TwiML, `/media`
 * takes the stream, and each call is bridged to a fresh agent session (at 8 kHz where the agent's
 * dialect allows, so nothing is resampled). With Twilio credentials it validates request
 * signatures, hangs up through the REST API and can transfer to a human.
 */
export async function createPhoneBridge(options: PhoneBridgeServerOptions): Promise<PhoneBridgeServer> {
  if (options === null || typeof options !== "object" || !options.agent) {
    throw new ConfigError("createPhoneBridge needs { agent }: a dialect or a factory", { dialect: DIALECT_NAME });
  }
  const voicePath = options.paths?.voice ?? "/voice";
  const mediaPath = options.paths?.media ?? "/media";
  const log: Logger = options.logger ?? silentLogger;
  const rest = options.twilio;
  const authToken = rest?.authToken;
  const validate = rest?.validateSignature ?? authToken !== undefined;
  if (validate && !authToken) throw new ConfigError("validateSignature needs twilio.authToken", { dialect: DIALECT_NAME });
  if (options.transfer && !rest && !options.onTransfer)
    throw new ConfigError("the default transfer needs twilio credentials (or pass onTransfer)", { dialect: DIALECT_NAME });
  const onTransfer = options.onTransfer ?? (rest && options.transfer ? twilioTransferHook(rest, options.transfer) : undefined);
  const onHangup = options.onHangup ?? (rest ? twilioHangupHook(rest) : undefined);
  if (!options.publicUrl) {
    log.warn(
      "no publicUrl: the <Stream url> and the signature check follow the request's Host/X-Forwarded-* headers; set publicUrl (--public-url) in production",
    );
  }
  const phoneDialect = twilio({ path: mediaPath });
  const live = new Set<PhoneBridge>();

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
    const path = (req.url ?? "/").split("?")[0];
    if (path !== voicePath) return void res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    if (req.method !== "POST" && req.method !== "GET") return void res.writeHead(405, { allow: "POST, GET" }).end();
    let form: URLSearchParams;
    try {
      form = req.method === "POST" ? new URLSearchParams(await readBody(req)) : new URLSearchParams();
    } catch {
      return void res.writeHead(413, { "content-type": "text/plain" }).end("request too large");
    }
    if (validate) {
      const url = publicBase(req, "http") + (req.url ?? "/");
      const signature = header(req, "x-twilio-signature");
      if (!validateTwilioSignature(authToken!, signature, url, form)) {
        log.warn("voice webhook refused: X-Twilio-Signature does not match");
        return void res.writeHead(403, { "content-type": "text/plain" }).end("invalid signature");
      }
    }
    const query = new URL(req.url ?? "/", "http://localhost").searchParams;
    const fields = new URLSearchParams([...query, ...form]);
    const twiml = connectStreamTwiml({
      url: publicBase(req, "ws") + mediaPath,
      ...(options.streamParameters ? { parameters: options.streamParameters(fields) } : {}),
    });
    res.writeHead(200, { "content-type": "text/xml; charset=utf-8" }).end(twiml);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      log.error(`voice webhook failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => {});
    const path = (req.url ?? "/").split("?")[0];
    if (path !== mediaPath) return refuse(socket, 404, "Not Found");
    if (validate) {
      const url = publicBase(req, "ws") + (req.url ?? "/");
      if (!validateTwilioSignature(authToken!, header(req, "x-twilio-signature"), url)) {
        log.warn("media stream refused: X-Twilio-Signature does not match");
        return refuse(socket, 403, "Forbidden");
      }
    }
    if (options.maxCalls !== undefined && live.size >= options.maxCalls) return refuse(socket, 503, "Service Unavailable");
    wss.handleUpgrade(req, socket, head, (ws) => startCall(ws));
  });

  const batch = options.batchWrites ?? true;
  const agentSocket = options.agentOptions?.WebSocket ?? (batch ? (BatchedWebSocket as unknown as ConnectOptions["WebSocket"]) : undefined);

  function startCall(ws: import("ws").WebSocket): void {
    if (batch) batchSends(ws);
    const phone = accept(phoneDialect, ws as unknown as Parameters<typeof accept>[1], {
      ...(options.logger ? { logger: options.logger } : {}),
      inactivityTimeoutMs: options.phoneInactivityMs ?? DEFAULT_PHONE_INACTIVITY_MS,
    });
    const bridgeOptions: BridgeOptions = { ...options, ...(onTransfer ? { onTransfer } : {}), ...(onHangup ? { onHangup } : {}) };
    const call = bridge(
      phone,
      async (info, signal) => {
        const dialect = typeof options.agent === "function" ? await options.agent(info) : options.agent;
        return connect(dialect, {
          ...options.agentOptions,
          ...(agentSocket ? { WebSocket: agentSocket } : {}),
          // The agent's session converts the caller's 8 kHz to its wire rate (nothing at all for an
          // agent at 8 kHz); its own audio comes at its wire rate, and the bridge converts and
          // frames it, so a turn's tail can be flushed when the agent falls silent.
          input: { sampleRate: TWILIO_SAMPLE_RATE },
          signal,
        });
      },
      bridgeOptions,
    );
    live.add(call);
    void call.ended.then((event) => {
      live.delete(call);
      log.info(`call ${call.call?.callSid ?? "(not started)"} ended: ${event.reason} (${event.detail})`);
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

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
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
