// A scriptable hostile peer on 127.0.0.1 for the core tests: an HTTP server whose answers a test
// writes (redirects, endless or dripping bodies, no answer at all) and a hand-rolled WebSocket
// server side that can put anything on the wire (illegal close codes, invalid UTF-8, unknown
// opcodes, oversize messages, raw bytes), which a conforming server such as `ws` refuses to send.
import { createHash } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

const WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A frame the client sent (unmasked). */
export interface ClientFrame {
  opcode: number;
  payload: Buffer;
}

/** The server side of one upgraded connection, byte for byte. */
export interface HostileConnection {
  /** The upgrade request's headers. */
  headers: IncomingHttpHeaders;
  socket: Socket;
  /** Frames the client sent, in order. */
  received: ClientFrame[];
  /** Resolves with the next frame the client sends with this opcode (8 = close). */
  nextFrame(opcode?: number): Promise<ClientFrame>;
  /** One frame, as given: any opcode, any length, fin and rsv bits (never masked: we are the server). */
  frame(opcode: number, payload: Uint8Array | string, options?: { fin?: boolean; rsv?: number }): void;
  text(payload: string): void;
  binary(payload: Uint8Array): void;
  /** A close frame with any code (even an illegal one) and any reason (even over 123 bytes). */
  close(code: number, reason?: string | Uint8Array): void;
  /** Bytes straight onto the TCP socket. */
  raw(bytes: Uint8Array | string): void;
  /** Writes `bytes` in `chunk`-byte pieces, one every `everyMs`. Resolves when all are written. */
  drip(bytes: Uint8Array, chunk: number, everyMs: number): Promise<void>;
  /** Drops the TCP connection without a close frame. */
  destroy(): void;
}

export interface HostilePeerOptions {
  /** Answers plain HTTP requests (default 404). Recorded in `requests` first. */
  http?: (request: IncomingMessage, response: ServerResponse, peer: HostilePeer) => void;
  /**
   * What to do with a WebSocket upgrade: "accept" (default; picks the first offered subprotocol),
   * "never" (no answer at all), or a raw HTTP answer to write instead.
   */
  upgrade?: "accept" | "never" | { status: number; body: string } | ((request: IncomingMessage, socket: Socket) => void);
  /** Answer the client's close frame and hang up (default true); false: a peer that never does. */
  answerClose?: boolean;
  /** Answer pings with pongs (default false: the hand-rolled side answers nothing by itself). */
  answerPings?: boolean;
  /** Runs synchronously once the 101 is written, so frames can ride with the upgrade. */
  onConnection?: (connection: HostileConnection) => void;
}

export interface HostilePeer {
  /** `ws://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  httpUrl: string;
  port: number;
  /** Every plain HTTP request received. */
  requests: RecordedRequest[];
  /** Every upgrade request received (accepted or not). */
  upgrades: RecordedRequest[];
  connections: HostileConnection[];
  nextConnection(): Promise<HostileConnection>;
  close(): Promise<void>;
}

export async function startHostilePeer(options: HostilePeerOptions = {}): Promise<HostilePeer> {
  const requests: RecordedRequest[] = [];
  const upgrades: RecordedRequest[] = [];
  const connections: HostileConnection[] = [];
  const waiting: ((c: HostileConnection) => void)[] = [];
  const open = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setInterval>>();
  const record = (req: IncomingMessage): RecordedRequest => ({ method: req.method ?? "", url: req.url ?? "", headers: { ...req.headers } });

  const http: Server = createServer((req, res) => {
    requests.push(record(req));
    if (options.http) options.http(req, res, peer);
    else res.writeHead(404).end();
  });
  http.on("connection", (socket: Socket) => {
    open.add(socket);
    socket.on("close", () => open.delete(socket));
  });
  http.on("upgrade", (req: IncomingMessage, socket: Socket) => {
    upgrades.push(record(req));
    socket.on("error", () => {});
    const mode = options.upgrade ?? "accept";
    if (mode === "never") return;
    if (typeof mode === "function") {
      mode(req, socket);
      return;
    }
    if (typeof mode === "object") {
      socket.end(`HTTP/1.1 ${mode.status} Refused\r\ncontent-length: ${Buffer.byteLength(mode.body)}\r\nconnection: close\r\n\r\n${mode.body}`);
      return;
    }
    const accept = createHash("sha1")
      .update(String(req.headers["sec-websocket-key"]) + WS_GUID)
      .digest("base64");
    const offered = String(req.headers["sec-websocket-protocol"] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const lines = ["HTTP/1.1 101 Switching Protocols", "upgrade: websocket", "connection: Upgrade", `sec-websocket-accept: ${accept}`];
    if (offered[0]) lines.push(`sec-websocket-protocol: ${offered[0]}`);
    socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    const connection = hostileConnection(req.headers, socket, timers, {
      answerClose: options.answerClose ?? true,
      answerPings: options.answerPings ?? false,
    });
    connections.push(connection);
    options.onConnection?.(connection);
    waiting.shift()?.(connection);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;

  const peer: HostilePeer = {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    port,
    requests,
    upgrades,
    connections,
    nextConnection: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of open) socket.destroy();
      for (const connection of connections) connection.destroy();
      await new Promise((resolve) => http.close(resolve));
    },
  };
  return peer;
}

/** Writes an HTTP body forever, `chunk` bytes every `everyMs` (an endless vendor body). */
export function endlessBody(response: ServerResponse, chunk = 64 * 1024, everyMs = 5): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.write('{"token":"');
  const piece = Buffer.alloc(chunk, "a");
  const timer = setInterval(() => {
    if (response.destroyed) clearInterval(timer);
    else response.write(piece);
  }, everyMs);
  response.on("close", () => clearInterval(timer));
}

function hostileConnection(
  headers: IncomingHttpHeaders,
  socket: Socket,
  timers: Set<ReturnType<typeof setInterval>>,
  manners: { answerClose: boolean; answerPings: boolean },
): HostileConnection {
  const received: ClientFrame[] = [];
  const waiters: { opcode: number | undefined; resolve: (f: ClientFrame) => void }[] = [];
  let pending = Buffer.alloc(0);
  socket.on("data", (data: Buffer) => {
    pending = Buffer.concat([pending, data]);
    for (;;) {
      const parsed = parseClientFrame(pending);
      if (!parsed) break;
      pending = pending.subarray(parsed.length);
      received.push(parsed.frame);
      // Like any server, answer a close and hang up (a test wanting silence destroys first).
      if (parsed.frame.opcode === 8 && manners.answerClose && !socket.destroyed) {
        socket.end(encodeFrame(8, Buffer.from([0x03, 0xe8])));
      }
      if (parsed.frame.opcode === 9 && manners.answerPings && !socket.destroyed) socket.write(encodeFrame(10, parsed.frame.payload));
      const index = waiters.findIndex((w) => w.opcode === undefined || w.opcode === parsed.frame.opcode);
      if (index >= 0) waiters.splice(index, 1)[0]!.resolve(parsed.frame);
    }
  });
  const write = (bytes: Uint8Array | string) => {
    if (!socket.destroyed) socket.write(bytes);
  };
  const frame = (opcode: number, payload: Uint8Array | string, options: { fin?: boolean; rsv?: number } = {}) => {
    write(encodeFrame(opcode, typeof payload === "string" ? Buffer.from(payload) : Buffer.from(payload), options.fin ?? true, options.rsv ?? 0));
  };
  return {
    headers,
    socket,
    received,
    nextFrame: (opcode) =>
      new Promise((resolve) => {
        const already = received.find((f) => opcode === undefined || f.opcode === opcode);
        if (already) resolve(already);
        else waiters.push({ opcode, resolve });
      }),
    frame,
    text: (payload) => frame(1, payload),
    binary: (payload) => frame(2, payload),
    close: (code, reason = "") => {
      const text = typeof reason === "string" ? Buffer.from(reason) : Buffer.from(reason);
      const body = Buffer.alloc(2 + text.length);
      body.writeUInt16BE(code, 0);
      text.copy(body, 2);
      frame(8, body);
    },
    raw: write,
    drip: (bytes, chunk, everyMs) =>
      new Promise((resolve) => {
        let offset = 0;
        const timer = setInterval(() => {
          if (offset >= bytes.length || socket.destroyed) {
            clearInterval(timer);
            timers.delete(timer);
            resolve();
            return;
          }
          write(bytes.subarray(offset, offset + chunk));
          offset += chunk;
        }, everyMs);
        timers.add(timer);
      }),
    destroy: () => socket.destroy(),
  };
}

/** A server-to-client frame: unmasked, any opcode, 7/16/64-bit lengths. */
export function encodeFrame(opcode: number, payload: Buffer, fin = true, rsv = 0): Buffer {
  const first = (fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0f);
  let header: Buffer;
  if (payload.length < 126) header = Buffer.from([first, payload.length]);
  else if (payload.length < 65536) {
    header = Buffer.alloc(4);
    header[0] = first;
    header[1] = 126;
    header.writeUInt16BE(payload.length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(payload.length), 2);
  }
  return Buffer.concat([header, payload]);
}

function parseClientFrame(buffer: Buffer): { frame: ClientFrame; length: number } | undefined {
  if (buffer.length < 2) return undefined;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskBytes = masked ? 4 : 0;
  if (buffer.length < offset + maskBytes + length) return undefined;
  const mask = buffer.subarray(offset, offset + maskBytes);
  const payload = Buffer.from(buffer.subarray(offset + maskBytes, offset + maskBytes + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
  return { frame: { opcode, payload }, length: offset + maskBytes + length };
}
