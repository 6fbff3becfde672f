import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import {
  type CarrierSpec,
  carrierCallOnSocket,
  type SimulatedCallOptions,
  type SimulatedCarrierCall,
  simulateCarrierCall,
} from "@voxwire/phone/testing";
import { WebSocketServer } from "ws";
import { asterisk } from "../asterisk.js";
import { createAsteriskPeerCodec } from "../peer-codec.js";
import {
  ASTERISK_SUBPROTOCOL,
  ASTERISK_XOFF_FRAMES,
  ASTERISK_XON_FRAMES,
  AsteriskEvent,
  type AsteriskFormat,
  bytesPerSample,
  formatRate,
  optimalFrameSize,
} from "../wire.js";

export interface AsteriskCallOptions extends SimulatedCallOptions {
  format?: AsteriskFormat;
  /** How Asterisk writes control messages (default JSON, as 20.18/22.8/23.2 and later can). */
  control?: "json" | "plain-text";
  /** `channel_variables` in MEDIA_START (JSON only). */
  channelVariables?: Readonly<Record<string, string>>;
  /** The frame queue's flow control, in ms of queued audio (default the reference's ~900 and ~800 frames). */
  flow?: { pauseAtMs: number; resumeBelowMs: number };
  headers?: Readonly<Record<string, string>>;
}

export interface AsteriskIds {
  readonly callId: string;
  readonly streamId: string;
  readonly channel: string;
}

function spec(options: Omit<AsteriskCallOptions, "url">, ids: AsteriskIds): CarrierSpec {
  const format = options.format ?? "ulaw";
  const dialect = asterisk({ format });
  const preparation = dialect.prepare({ runtime: "node", now: Date.now() });
  if (preparation.kind !== "plan") throw new Error("asterisk() always has a plan");
  return {
    carrier: "asterisk",
    peer: createAsteriskPeerCodec(preparation.plan, { control: options.control ?? "json" }),
    sampleRate: formatRate(format),
    bytesPerSample: bytesPerSample(format),
    ids: { ...ids },
    opening: [
      {
        type: "session-started",
        ids: { ...ids },
        metadata: {
          format,
          optimalFrameSize: optimalFrameSize(format),
          ptime: 20,
          customParameters: { ...options.channelVariables },
          control: options.control ?? "json",
        },
      },
    ],
    goodbye: [],
    clearEchoesMarks: false,
    flow: {
      pauseAtMs: options.flow?.pauseAtMs ?? ASTERISK_XOFF_FRAMES * 20,
      resumeBelowMs: options.flow?.resumeBelowMs ?? ASTERISK_XON_FRAMES * 20,
      pause: { type: "passthrough", name: AsteriskEvent.xoff, payload: {} },
      resume: { type: "passthrough", name: AsteriskEvent.xon, payload: {} },
    },
    protocols: [ASTERISK_SUBPROTOCOL],
    ...(options.headers ? { headers: options.headers } : {}),
  };
}

function freshIds(): AsteriskIds {
  const connection = randomUUID();
  return { callId: `pbx1-${Date.now()}.${Math.floor(Math.random() * 1000)}`, streamId: connection, channel: `WebSocket/${connection}` };
}

/**
 * Acts as Asterisk dialing the application (a `websocket_client.conf` connection): offers the
 * `media` subprotocol, sends MEDIA_START, streams the caller's media as BINARY frames (20 ms),
 * DTMF_END for keys, plays back what comes at real time through a frame queue, answers
 * MARK_MEDIA with MEDIA_MARK_PROCESSED when the mark reaches the front, drops the queue (and its
 * marks) on FLUSH_MEDIA, sends MEDIA_XOFF when the queue is too full and MEDIA_XON once it
 * drains, and hangs up by closing the socket.
 */
export function simulateAsteriskCall(options: AsteriskCallOptions): SimulatedCarrierCall & { readonly ids: AsteriskIds } {
  const ids = freshIds();
  return Object.assign(simulateCarrierCall(spec(options, ids), options), { ids });
}

export interface AsteriskMediaServer {
  /** `ws://127.0.0.1:PORT`: what `asteriskClient({ url })` dials. */
  readonly url: string;
  /** The connection id a call waits under (`/media/<id>`). */
  readonly connectionId: string;
  /** Resolves with the call once the application has connected. */
  readonly call: Promise<SimulatedCarrierCall & { readonly ids: AsteriskIds }>;
  close(): Promise<void>;
}

/**
 * Acts as Asterisk waiting for the application (`Dial(WebSocket/INCOMING/…)`): serves
 * `/media/<connection id>` with the `media` subprotocol and, once the application connects,
 * runs the same call as `simulateAsteriskCall`.
 */
export async function serveAsteriskMedia(
  options: Omit<AsteriskCallOptions, "url"> & { port?: number; host?: string } = {},
): Promise<AsteriskMediaServer> {
  const ids = freshIds();
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has(ASTERISK_SUBPROTOCOL) ? ASTERISK_SUBPROTOCOL : false),
  });
  const http = createServer((_req, res) => res.writeHead(404).end());
  let resolveCall!: (call: SimulatedCarrierCall & { readonly ids: AsteriskIds }) => void;
  const call = new Promise<SimulatedCarrierCall & { readonly ids: AsteriskIds }>((resolve) => (resolveCall = resolve));
  http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? "/", "http://x").pathname !== `/media/${ids.streamId}`)
      return void socket.end("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
    wss.handleUpgrade(req, socket, head, (ws) => resolveCall(Object.assign(carrierCallOnSocket(spec(options, ids), options, ws), { ids })));
  });
  await new Promise<void>((resolve) => http.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  return {
    url: `ws://${options.host ?? "127.0.0.1"}:${port}`,
    connectionId: ids.streamId,
    call,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
