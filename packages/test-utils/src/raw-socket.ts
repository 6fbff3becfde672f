import type { WebSocket } from "ws";

/** What a bare `ws` client received, and ways to wait for it. */
export interface RawSocket {
  socket: WebSocket;
  /** Text messages, JSON-parsed, in order. */
  texts: Record<string, unknown>[];
  /** Binary frames as Buffers, in order. */
  binaries: Buffer[];
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once `predicate` holds, checked after each frame and on close. */
  until(predicate: () => boolean): Promise<void>;
  sendAudio(samples: Int16Array): void;
}

const parseJson = (text: string) => JSON.parse(text) as Record<string, unknown>;

/** Collects what `socket` receives (text frames through `parseText`; by default a malformed one throws). */
export function rawSocket(socket: WebSocket, parseText: (text: string) => Record<string, unknown> = parseJson): RawSocket {
  const texts: Record<string, unknown>[] = [];
  const binaries: Buffer[] = [];
  const waiters = new Set<{ predicate: () => boolean; resolve: () => void }>();
  const check = () => {
    for (const waiter of waiters) {
      if (!waiter.predicate()) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }
  };
  socket.on("message", (data: Buffer, isBinary) => {
    if (isBinary) binaries.push(data);
    else texts.push(parseText(data.toString("utf8")));
    check();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      check();
    });
  });
  return {
    socket,
    texts,
    binaries,
    closed,
    until: (predicate) => (predicate() ? Promise.resolve() : new Promise((resolve) => waiters.add({ predicate, resolve }))),
    sendAudio: (samples) => socket.send(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)),
  };
}

/** Resolves with `client` once `socket` opens; an HTTP refusal of the upgrade rejects with `status` and `body`. */
export function openedOrRefused<T>(socket: WebSocket, client: T): Promise<T> {
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(client));
    socket.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body })));
    });
    socket.on("error", (error) => reject(error)); // after open, a reset shows as the close code
  });
}
