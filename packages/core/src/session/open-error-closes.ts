import { type WebSocketLike, WS_CLOSED, WS_OPEN } from "./websocket.js";

/** A close that came with no close frame (RFC 6455 §7.1.5). */
const ABNORMAL_CLOSE = 1006;

/**
 * Makes an `error` before the socket opened always end in a `close`, as the WHATWG algorithm
 * ("fail the WebSocket connection") says it does, so a refused dial fails at once instead of at
 * the open deadline. Node 22's global WebSocket (undici) breaks that rule for a refused upgrade
 * (an HTTP 400): it fires `error`, stays CONNECTING, and never fires `close`. Where the runtime
 * sends no close by the next macrotask, this view of the socket sends a 1006 one itself, reports
 * CLOSED from then on, and drops whatever the runtime sends later.
 *
 * `ws` sockets (those with `.on`) are returned as they are: `ws` always closes, and the session
 * uses their EventEmitter side (pings, the refused upgrade's response).
 */
export function closeAfterOpenError(socket: WebSocketLike): WebSocketLike {
  if (typeof (socket as { on?: unknown }).on === "function") return socket;
  return new OpenErrorCloses(socket);
}

class OpenErrorCloses implements WebSocketLike {
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly #socket: WebSocketLike;
  #opened = false;
  #closed = false;

  constructor(socket: WebSocketLike) {
    this.#socket = socket;
    socket.onopen = (event) => {
      this.#opened = true;
      this.onopen?.(event);
    };
    socket.onmessage = (event) => this.onmessage?.(event);
    socket.onclose = (event) => this.#close(event);
    socket.onerror = (event) => {
      this.onerror?.(event);
      if (this.#opened || this.#closed) return;
      setTimeout(() => {
        if (this.#opened || this.#closed || this.#socket.readyState === WS_OPEN) return;
        this.#close({ code: ABNORMAL_CLOSE, reason: "" });
        try {
          this.#socket.close(); // let the runtime let go of it, if it still holds anything
        } catch {
          // a CONNECTING socket may refuse
        }
      }, 0);
    };
  }

  get readyState(): number {
    return this.#closed ? WS_CLOSED : this.#socket.readyState;
  }

  get bufferedAmount(): number {
    return this.#socket.bufferedAmount;
  }

  get protocol(): string {
    return this.#socket.protocol;
  }

  get binaryType(): string {
    return this.#socket.binaryType;
  }

  set binaryType(value: string) {
    this.#socket.binaryType = value;
  }

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    this.#socket.send(data);
  }

  close(code?: number, reason?: string): void {
    if (code === undefined) this.#socket.close();
    else this.#socket.close(code, reason);
  }

  #close(event: { code: number; reason: string }): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.(event);
  }
}
