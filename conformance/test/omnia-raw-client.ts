import { WebSocket } from "ws";

/** The create-call request seed 002 makes, with `fetch`: returns the status and the parsed body. */
export async function createCall(
  httpUrl: string,
  options: { key?: string; agentId?: string; inputSampleRate?: unknown; outputSampleRate?: unknown; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { key = "voxwire-test-key", agentId = "agent_7", inputSampleRate = 48000, outputSampleRate = 48000 } = options;
  const body = options.body ?? { agentId, connectionType: "websocket", websocket: { inputSampleRate, outputSampleRate } };
  const response = await fetch(`${httpUrl}/api/v1/calls/create`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface RawCallClient {
  socket: WebSocket;
  /** Text messages, parsed, in order. */
  texts: Record<string, unknown>[];
  binaries: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves once `predicate` holds, checked after each frame. */
  until(predicate: () => boolean): Promise<void>;
  sendAudio(samples: Int16Array): void;
}

/** A bare `ws` client on a created call's socket URL, as seed 002 joins it (no headers, no subprotocol). */
export function joinCall(websocketUrl: string): Promise<RawCallClient> {
  const socket = new WebSocket(websocketUrl);
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
    else texts.push(JSON.parse(data.toString("utf8")) as Record<string, unknown>);
    check();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on("close", (code, reason) => {
      resolve({ code, reason: reason.toString() });
      check();
    });
  });
  const client: RawCallClient = {
    socket,
    texts,
    binaries,
    closed,
    until: (predicate) => (predicate() ? Promise.resolve() : new Promise((resolve) => waiters.add({ predicate, resolve }))),
    sendAudio: (samples) => socket.send(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)),
  };
  return new Promise((resolve, reject) => {
    socket.once("open", () => resolve(client));
    socket.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body })));
    });
    socket.on("error", (error) => reject(error));
  });
}

/** Rejection of `joinCall`, as `{ status, body }`. */
export async function refusedJoin(websocketUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const client = await joinCall(websocketUrl);
    client.socket.close();
  } catch (error) {
    const { status, body } = error as { status: number; body: string };
    return { status, body: JSON.parse(body) as Record<string, unknown> };
  }
  throw new Error("expected the upgrade to be refused");
}
