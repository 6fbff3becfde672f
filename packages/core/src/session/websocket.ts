import type { RuntimeKind } from "../dialect/current.js";
import { ConfigError } from "../errors/error-classes.js";

/** The part of the WHATWG WebSocket a session uses; both the global one and `ws` provide it. */
export interface WebSocketLike {
  readonly readyState: number;
  readonly bufferedAmount: number;
  readonly protocol: string;
  binaryType: string;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string | ArrayBufferLike | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
}

/**
 * What a session passes as the third constructor argument. `ws` reads all of it; the global
 * WebSocket ignores it (a browser enforces its own limits and never offers compression a page
 * can turn off).
 */
export interface WebSocketClientOptions {
  headers?: Record<string, string>;
  /** Off: a compressed message can inflate far past its wire size, and zlib costs memory per socket. */
  perMessageDeflate?: boolean;
  /** The largest message accepted; past it `ws` fails the connection (close 1009). */
  maxPayload?: number;
}

/** A WebSocket class: the global one, `ws`, or one injected for tests and unusual runtimes. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[], options?: WebSocketClientOptions) => WebSocketLike;

/** The largest message a session accepts by default: a 1 MiB frame (DEFAULT_MAX_FRAME_BYTES) and framing slack. */
export const DEFAULT_MAX_MESSAGE_BYTES = (1 << 20) + 64 * 1024;

/** `readyState` values, spelled out because not every runtime has the static constants. */
export const WS_OPEN = 1;
export const WS_CLOSED = 3;

/**
 * Picks the socket class. On Node, `ws` (when it can be loaded): it is the only one that can
 * send upgrade headers and that reports the HTTP status of a refused upgrade (400/403/429),
 * which typed errors depend on. Elsewhere, the global WebSocket.
 */
export async function pickWebSocket(runtime: RuntimeKind, needsHeaders: boolean): Promise<WebSocketConstructor> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (runtime === "node") {
    const loaded = await loadWs();
    if (loaded) return loaded;
  }
  if (needsHeaders) {
    throw new ConfigError("this dialect needs upgrade headers, which only Node (with the `ws` package) can send");
  }
  if (!global) throw new ConfigError("no WebSocket implementation: install `ws` or pass `WebSocket` in the options");
  return global;
}

async function loadWs(): Promise<WebSocketConstructor | undefined> {
  try {
    const mod = (await import("ws")) as { WebSocket?: WebSocketConstructor; default?: WebSocketConstructor };
    return mod.WebSocket ?? mod.default;
  } catch {
    return undefined;
  }
}

/** Views a received binary message as bytes without copying (Buffer is already a Uint8Array). */
export function toBytes(data: unknown): Uint8Array | undefined {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data) && data.every((part) => part instanceof Uint8Array)) {
    // `ws` with binaryType "fragments": join once.
    const total = data.reduce((n: number, part: Uint8Array) => n + part.byteLength, 0);
    const out = new Uint8Array(total);
    let offset = 0;
    for (const part of data as Uint8Array[]) {
      out.set(part, offset);
      offset += part.byteLength;
    }
    return out;
  }
  return undefined;
}
