import type { WebSocketConstructor, WebSocketLike } from "@voxwire/core";

/**
 * An in-memory socket for driving a session from a test: it records every frame the session
 * sends and lets the test play the vendor (open, send a message, close). Nothing is timed.
 */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  bufferedAmount = 0;
  protocol = "";
  binaryType = "blob";
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** Every frame the session sent, in order; binary frames copied. */
  readonly sent: (string | Uint8Array)[] = [];

  constructor(readonly url: string) {}

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (typeof data === "string") this.sent.push(data);
    else if (ArrayBuffer.isView(data)) this.sent.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice());
    else this.sent.push(new Uint8Array(data).slice());
  }

  close(code = 1000, reason = ""): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    queueMicrotask(() => this.onclose?.({ code, reason }));
  }

  // --- the vendor's side ---
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  receive(data: string | Uint8Array): void {
    this.onmessage?.({ data: typeof data === "string" ? data : data.slice().buffer });
  }

  serverClose(code: number, reason = ""): void {
    this.readyState = 3;
    this.onclose?.({ code, reason });
  }
}

/** A socket class whose instances open on the next microtask; `sockets` collects them. */
export function fakeSocketClass(): { WebSocket: WebSocketConstructor; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  class Opening extends FakeSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
      queueMicrotask(() => this.open());
    }
  }
  return { WebSocket: Opening as unknown as WebSocketConstructor, sockets };
}

/** A fetch that answers the token call with `body` (status 200 unless given) and records the requests. */
export function tokenEndpoint(body: unknown, status = 200) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    requests.push({ url, init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status });
  }) as typeof fetch;
  return { fetch: fetchImpl, requests };
}
