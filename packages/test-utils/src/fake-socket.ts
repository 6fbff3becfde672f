import type { WebSocketConstructor, WebSocketLike } from "@voxwire/core";

/**
 * An in-memory socket for driving a session from a test: it keeps every frame the session sends
 * (binary frames copied) and lets the test play the peer: `open`, `receive`, `serverClose`.
 * A close from our side reaches `onclose` on the next macrotask, as a real socket's does.
 */
export class FakeSocket implements WebSocketLike {
  readyState: number;
  bufferedAmount = 0;
  protocol = "";
  binaryType = "blob";
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** Every frame the session sent, in order. */
  readonly sent: (string | Uint8Array)[] = [];
  /** The code and reason of our side's close, once it closed. */
  closedWith: { code: number; reason: string } | undefined;

  /** `open: true` for a socket that is already open (one a peer dialed and a server accepted). */
  constructor(
    readonly url = "ws://fake.invalid/",
    options: { open?: boolean } = {},
  ) {
    this.readyState = options.open ? 1 : 0;
  }

  send(data: string | ArrayBufferLike | ArrayBufferView): void {
    if (this.readyState === 3) throw new Error("socket closed");
    if (typeof data === "string") this.sent.push(data);
    else if (ArrayBuffer.isView(data)) this.sent.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice());
    else this.sent.push(new Uint8Array(data).slice());
  }

  close(code = 1000, reason = ""): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedWith = { code, reason };
    setTimeout(() => this.onclose?.({ code, reason }), 0);
  }

  // --- the peer's side ---

  /** The connection opens. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** A frame from the peer (binary frames arrive as an ArrayBuffer, as `binaryType` asks). */
  receive(data: string | Uint8Array): void {
    this.onmessage?.({ data: typeof data === "string" ? data : data.slice().buffer });
  }

  /** The peer closes, or drops the connection (1006). */
  serverClose(code = 1006, reason = ""): void {
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
