// A real WebSocket server on 127.0.0.1 speaking the toy dialect's vendor side, with knobs for
// the failures the session runtime must classify.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

export interface ToyServerOptions {
  /** Accepted keys (the value after `toy-key.`). */
  keys?: string[];
  /** Answer the upgrade with this HTTP status and body instead of accepting. */
  rejectUpgrade?: { status: number; body: string };
  /** Never complete the upgrade (for open deadlines). */
  hangUpgrade?: boolean;
  /** Delay before answering the bootstrap call, ms. */
  bootstrapDelayMs?: number;
  /** The bootstrap answer's `expiresIn`, s. */
  expiresIn?: number;
  /** Stop reading from accepted sockets (a slow reader: our sends back up). */
  neverRead?: boolean;
}

export interface ToyServer {
  url: string;
  httpUrl: string;
  /** Every socket accepted so far. */
  sockets: WebSocket[];
  /** Frames received, per socket index. */
  received: (string | Buffer)[][];
  /** Resolves with the next accepted socket. */
  nextSocket(): Promise<WebSocket>;
  /** Runs on every accepted socket, synchronously inside the upgrade. */
  onConnection?: (ws: WebSocket) => void;
  close(): Promise<void>;
}

export async function startToyServer(options: ToyServerOptions = {}): Promise<ToyServer> {
  const keys = options.keys ?? ["toy-test-key"];
  const sockets: WebSocket[] = [];
  const received: (string | Buffer)[][] = [];
  const waiting: ((ws: WebSocket) => void)[] = [];
  const hung = new Set<{ destroy(): void }>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has("toy.v1") ? "toy.v1" : false),
  });
  const http: Server = createServer((req, res) => {
    if (req.method === "POST" && req.url === "/token") {
      const answer = () => {
        res.writeHead(req.headers.authorization === `Bearer ${keys[0]}` ? 200 : 401, { "content-type": "application/json" });
        if (req.headers.authorization !== `Bearer ${keys[0]}`) {
          res.end(JSON.stringify({ error: "bad_key", echo: req.headers.authorization }));
          return;
        }
        res.end(JSON.stringify({ url: `ws://127.0.0.1:${port()}/ws`, token: keys[0], expiresIn: options.expiresIn ?? 60 }));
      };
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, options.bootstrapDelayMs ?? 0);
      timers.add(timer);
      return;
    }
    res.writeHead(404).end();
  });
  http.on("upgrade", (req: IncomingMessage, socket, head) => {
    if (options.hangUpgrade) {
      hung.add(socket);
      return;
    }
    if (options.rejectUpgrade) {
      const { status, body } = options.rejectUpgrade;
      socket.end(
        `HTTP/1.1 ${status} Rejected\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const offered = String(req.headers["sec-websocket-protocol"] ?? "")
        .split(",")
        .map((s) => s.trim());
      const key = offered.find((p) => p.startsWith("toy-key."))?.slice("toy-key.".length);
      const index = sockets.push(ws) - 1;
      received[index] = [];
      if (options.neverRead) (ws as unknown as { _socket: { pause(): void } })._socket.pause();
      ws.on("message", (data, isBinary) => received[index]!.push(isBinary ? (data as Buffer) : data.toString()));
      if (!key || !keys.includes(key)) {
        ws.close(4401, "bad key");
        return;
      }
      server.onConnection?.(ws);
      waiting.shift()?.(ws);
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = () => (http.address() as AddressInfo).port;
  const server: ToyServer = {
    url: `ws://127.0.0.1:${port()}/ws`,
    httpUrl: `http://127.0.0.1:${port()}`,
    sockets,
    received,
    nextSocket: () => new Promise((resolve) => waiting.push(resolve)),
    async close() {
      for (const ws of sockets) ws.terminate();
      for (const socket of hung) socket.destroy();
      for (const timer of timers) clearTimeout(timer);
      wss.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
  return server;
}
