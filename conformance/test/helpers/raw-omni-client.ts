import { WebSocket } from "ws";

export interface RawClient {
  socket: WebSocket;
  /** Every frame received: JSON-parsed text messages and binary frames as Buffers. */
  texts: Record<string, unknown>[];
  binaries: Buffer[];
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once `predicate` holds, checked after each frame. */
  until(predicate: () => boolean): Promise<void>;
  sendAudio(samples: Int16Array): void;
}

/** A bare `ws` client speaking Omni's client side, as seed 000 does: key in the subprotocol. */
export function rawOmniClient(
  baseWsUrl: string,
  options: { key?: string; agentId?: string; rate?: number; origin?: string; protocols?: string[] } = {},
): Promise<RawClient> {
  const { key = "voxwire-test-key", agentId = "agent_123", rate = 24000 } = options;
  const url = `${baseWsUrl}/v1/omni?agent_id=${agentId}&format=pcm16&rate=${rate}`;
  const socket = new WebSocket(url, options.protocols ?? [`pyai-key.${key}`], options.origin ? { origin: options.origin } : {});
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
    else {
      try {
        texts.push(JSON.parse(data.toString("utf8")) as Record<string, unknown>);
      } catch {
        texts.push({ unparsed: data.toString("utf8") });
      }
    }
    check();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      check();
    });
  });
  const client: RawClient = {
    socket,
    texts,
    binaries,
    closed,
    until(predicate) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve) => waiters.add({ predicate, resolve }));
    },
    sendAudio(samples) {
      socket.send(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength));
    },
  };
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
