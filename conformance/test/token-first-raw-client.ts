// A bare `ws` client speaking seed 001's client side, for driving the token-first simulator
// frame by frame (the adapter itself is tested through connect() elsewhere).
import { WebSocket } from "ws";

export interface RawTokenFirstClient {
  socket: WebSocket;
  /** Text messages, JSON-parsed. */
  texts: Record<string, unknown>[];
  binaries: Buffer[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once `predicate` holds, checked after each frame and on close. */
  until(predicate: () => boolean): Promise<void>;
}

/** Seed 001's step 1: `POST {API_URL}/api/v1/sdk/token` with the key as a Bearer header. */
export async function requestToken(apiUrl: string, key: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${apiUrl}/api/v1/sdk/token`, {
    method: "POST",
    headers: { ...(key === undefined ? {} : { authorization: `Bearer ${key}` }), "content-type": "application/json", ...headers },
  });
}

/** Seed 001's step 2 without the token: the test decides what goes first. */
export function rawTokenFirstClient(wsUrl: string): RawTokenFirstClient {
  const socket = new WebSocket(wsUrl);
  const texts: Record<string, unknown>[] = [];
  const binaries: Buffer[] = [];
  const waiters = new Set<{ predicate: () => boolean; resolve: () => void }>();
  const check = () => {
    for (const waiter of waiters) {
      if (waiter.predicate()) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  socket.on("message", (data: Buffer, isBinary) => {
    if (isBinary) binaries.push(data);
    else texts.push(JSON.parse(data.toString("utf8")) as Record<string, unknown>);
    check();
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
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
    opened,
    closed,
    until(predicate) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ predicate, resolve }));
    },
  };
}
