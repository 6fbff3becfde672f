import { performance } from "node:perf_hooks";
import type { WebSocketConstructor, WireFrame } from "@voxwire/core";
import { WebSocket } from "ws";

/** One frame that crossed the socket: `in` from the peer, `out` to it; `atMs` since the tap began. */
export interface TappedFrame {
  readonly dir: "in" | "out";
  readonly frame: WireFrame;
  readonly atMs: number;
}

/** One bootstrap call as it went out and came back (bodies as text). */
export interface TappedHttp {
  readonly atMs: number;
  readonly request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string>; body: string; atMs: number };
}

/**
 * Sees everything a session puts on the wire and gets back, without changing it: a `ws`
 * subclass to give `connect()` as its WebSocket (frames both ways with times, the upgrade's
 * answer) and a fetch wrapper for the bootstrap call. The live scenarios measure from it and
 * `voxwire record` writes it out.
 */
export class WireTap {
  readonly frames: TappedFrame[] = [];
  readonly http: TappedHttp[] = [];
  /** What was dialed: URL, offered subprotocols, upgrade headers. */
  dialed: { url: string; protocols: string[]; headers: Record<string, string> } | undefined;
  /** The upgrade's answer: 101 with the echoed subprotocol, or the status of a refusal. */
  upgrade: { status: number; protocol: string | undefined; body?: string } | undefined;
  /** The socket's close as it happened (code and reason), whoever closed. */
  closed: { code: number; reason: string; atMs: number } | undefined;
  readonly #t0 = performance.now();

  /** ms since the tap was made. */
  now(): number {
    return performance.now() - this.#t0;
  }

  /** A WebSocket class for `connect({ WebSocket })` that reports to this tap. */
  get WebSocket(): WebSocketConstructor {
    const tap = this;
    class TappedWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[], options?: { headers?: Record<string, string> }) {
        super(url, protocols, options);
        tap.dialed = { url, protocols: protocols === undefined ? [] : [protocols].flat(), headers: { ...options?.headers } };
        this.on("upgrade", (res) => {
          const protocol = res.headers["sec-websocket-protocol"];
          tap.upgrade = { status: res.statusCode ?? 101, protocol: typeof protocol === "string" ? protocol : undefined };
        });
        this.on("unexpected-response", (_req, res) => {
          const refusal = { status: res.statusCode ?? 0, protocol: undefined, body: "" };
          tap.upgrade = refusal;
          res.on("data", (chunk: Buffer) => {
            if (refusal.body.length < 4096) refusal.body += chunk.toString("utf8");
          });
        });
        this.on("message", (data, isBinary) => tap.frames.push({ dir: "in", frame: toFrame(data, isBinary), atMs: tap.now() }));
        this.on("close", (code, reason) => {
          tap.closed = { code, reason: reason.toString(), atMs: tap.now() };
        });
      }

      override send(data: Parameters<WebSocket["send"]>[0], ...rest: unknown[]): void {
        const frame: WireFrame = typeof data === "string" ? data : copyBytes(data);
        tap.frames.push({ dir: "out", frame, atMs: tap.now() });
        (super.send as (...args: unknown[]) => void)(data, ...rest);
      }
    }
    return TappedWebSocket as unknown as WebSocketConstructor;
  }

  /** A fetch for `connect({ fetch })` that records the bootstrap call and its answer. */
  fetch(inner: typeof fetch = globalThis.fetch): typeof fetch {
    return async (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const body = typeof init?.body === "string" ? init.body : undefined;
      const call: TappedHttp = {
        atMs: this.now(),
        request: { method: init?.method ?? "GET", url, headers, ...(body !== undefined ? { body } : {}) },
      };
      this.http.push(call);
      const response = await inner(input, init);
      const text = await response
        .clone()
        .text()
        .catch(() => "");
      call.response = { status: response.status, headers: Object.fromEntries(response.headers.entries()), body: text, atMs: this.now() };
      return response;
    };
  }
}

function toFrame(data: unknown, isBinary: boolean): WireFrame {
  const bytes = Array.isArray(data)
    ? Buffer.concat(data as Buffer[])
    : Buffer.isBuffer(data)
      ? data
      : data instanceof ArrayBuffer
        ? Buffer.from(data)
        : Buffer.from(String(data));
  return isBinary ? new Uint8Array(bytes) : bytes.toString("utf8");
}

/** Audio buffers are reused by the pipeline: keep a copy of what was sent. */
function copyBytes(data: unknown): Uint8Array {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  return new Uint8Array(Buffer.from(String(data)));
}
