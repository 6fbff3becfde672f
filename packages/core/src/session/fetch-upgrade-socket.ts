import type { WebSocketClientOptions, WebSocketLike } from "./websocket.js";

/**
 * The socket a Cloudflare Worker gets back from `fetch` with `Upgrade: websocket` once the peer
 * answered 101 (`response.webSocket`). Workers' `new WebSocket()` takes no headers; this is their
 * documented way to send them (https://developers.cloudflare.com/workers/examples/websockets/).
 */
interface WorkersWebSocket {
  accept(): void;
  send(data: string | ArrayBufferLike | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "close", listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: "error", listener: (event: unknown) => void): void;
  readonly readyState: number;
}

/** What `ws` hands an `unexpected-response` listener, as far as the session reads it. */
interface RefusedUpgrade {
  statusCode: number;
  on(event: "data" | "end" | "error", listener: (chunk?: unknown) => void): void;
  destroy(): void;
}

type UpgradeListener = (request: undefined, response: RefusedUpgrade) => void;

/** Enough of a refused upgrade's body to classify it; the session reads no more than this either. */
const MAX_BODY_CHARS = 8192;

/**
 * A WebSocket dialed through `fetch` with `Upgrade: websocket`, for Cloudflare Workers, where it
 * is the only way to send upgrade headers (a header-auth dialect's `Authorization`). It reports a
 * refused upgrade the way `ws` does (`on("unexpected-response")`, with the status and the body),
 * so the dialect classifies it into its typed error; every failure to open ends in `close` 1006.
 * The fetch does not follow redirects: a credential is never sent on to another origin.
 */
export class FetchUpgradeSocket implements WebSocketLike {
  readyState = 0;
  protocol = "";
  binaryType = "arraybuffer";
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  #socket: WorkersWebSocket | undefined;
  readonly #abort = new AbortController();
  readonly #upgradeListeners: UpgradeListener[] = [];
  /** The tail of the messages still being read from Blobs, if any. */
  #reading: Promise<void> | undefined;

  constructor(url: string, protocols?: string | string[], options: WebSocketClientOptions = {}) {
    const offered = protocols === undefined ? [] : [protocols].flat();
    const headers: Record<string, string> = { ...options.headers, Upgrade: "websocket" };
    if (offered.length > 0) headers["Sec-WebSocket-Protocol"] = offered.join(", ");
    void this.#dial(url.replace(/^ws(s?):/i, "http$1:"), headers, offered);
  }

  /** Workers' sockets keep no send buffer a script can read. */
  get bufferedAmount(): number {
    return 0;
  }

  /** Only `unexpected-response`, the one `ws` event the session listens to besides the WHATWG ones. */
  on(event: string, listener: UpgradeListener): void {
    if (event === "unexpected-response") this.#upgradeListeners.push(listener);
  }

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (!this.#socket || this.readyState !== 1) throw new Error("the WebSocket is not open");
    this.#socket.send(data);
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= 2) return;
    if (!this.#socket) {
      this.#abort.abort();
      this.#closed(1006, "");
      return;
    }
    this.readyState = 2;
    this.#socket.close(code, reason);
  }

  async #dial(url: string, headers: Record<string, string>, offered: string[]): Promise<void> {
    let response: Response;
    try {
      response = await fetch(url, { headers, redirect: "manual", signal: this.#abort.signal });
    } catch (error) {
      if (this.readyState === 0) this.#failed(error instanceof Error ? error.message : String(error), error);
      return;
    }
    if (this.readyState !== 0) return;
    const socket = (response as Response & { webSocket?: WorkersWebSocket | null }).webSocket;
    if (response.status !== 101 || !socket) {
      this.#refused(response);
      return;
    }
    const selected = response.headers.get("sec-websocket-protocol") ?? "";
    if ((selected !== "" || offered.length > 0) && !offered.includes(selected)) {
      socket.accept();
      socket.close(1002, "subprotocol");
      this.#failed(`the server chose the subprotocol "${selected.slice(0, 64)}", which was not offered`);
      return;
    }
    // workerd hands binary messages over as Blobs unless asked for ArrayBuffers.
    (socket as { binaryType?: string }).binaryType = "arraybuffer";
    socket.accept();
    this.#socket = socket;
    this.protocol = selected;
    socket.addEventListener("message", (event) => this.#deliver(event.data));
    socket.addEventListener("error", (event) => this.onerror?.(event));
    socket.addEventListener("close", (event) => this.#closed(event.code, event.reason));
    this.readyState = 1;
    this.onopen?.({});
  }

  /**
   * A Blob (a runtime that ignored binaryType) is read before it is delivered, and everything after
   * it waits its turn, so messages keep their order.
   */
  #deliver(data: unknown): void {
    if (this.#reading === undefined && !(data instanceof Blob)) {
      this.onmessage?.({ data });
      return;
    }
    const previous = this.#reading ?? Promise.resolve();
    const reading = previous.then(async () => {
      const payload = data instanceof Blob ? await data.arrayBuffer() : data;
      if (this.readyState === 1) this.onmessage?.({ data: payload });
    });
    this.#reading = reading;
    void reading.finally(() => {
      if (this.#reading === reading) this.#reading = undefined;
    });
  }

  /** A non-101 answer: to the `unexpected-response` listeners as `ws` would, else an error and a close. */
  #refused(response: Response): void {
    if (this.#upgradeListeners.length === 0) {
      void response.body?.cancel();
      this.#failed(`Unexpected server response: ${response.status}`);
      return;
    }
    const events = new Map<string, ((chunk?: unknown) => void)[]>();
    const emit = (event: string, chunk?: unknown) => {
      for (const listener of events.get(event) ?? []) listener(chunk);
    };
    const reader = response.body?.getReader();
    const refused: RefusedUpgrade = {
      statusCode: response.status,
      on(event, listener) {
        events.set(event, [...(events.get(event) ?? []), listener]);
      },
      destroy: () => void reader?.cancel().catch(() => {}),
    };
    for (const listener of this.#upgradeListeners) listener(undefined, refused);
    void (async () => {
      const decoder = new TextDecoder();
      let read = 0;
      try {
        while (reader && read < MAX_BODY_CHARS) {
          const { done, value } = await reader.read();
          if (done) break;
          const text = decoder.decode(value, { stream: true });
          read += text.length;
          emit("data", text);
        }
        emit("end");
      } catch (error) {
        emit("error", error);
      } finally {
        void reader?.cancel().catch(() => {});
        // The session gave up on the socket when it classified the refusal; a socket nobody took
        // over still ends as every failed dial does.
        if (this.readyState === 0) this.#failed(`Unexpected server response: ${response.status}`);
      }
    })();
  }

  #failed(message: string, cause?: unknown): void {
    this.onerror?.({ type: "error", message, error: cause });
    this.#closed(1006, "");
  }

  #closed(code: number, reason: string): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}
