// An error before the socket opened ends the dial at once: with a close the runtime sends, or,
// where it sends none (Node 22's global WebSocket after an HTTP 400), with the 1006 one
// closeAfterOpenError supplies. Against a fake socket, and against the runtime's own global
// WebSocket where it has one (Node ≥ 22; `npx pnpm@10 test` runs this file under 22 and 24 too).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { recordingLogger, rejection } from "../../test/test-helpers.js";
import { toy } from "../../test/toy-dialect.js";
import { connect } from "./connect.js";
import { closeAfterOpenError } from "./open-error-closes.js";
import type { WebSocketConstructor, WebSocketLike } from "./websocket.js";

/**
 * A socket that fails its dial with `error`: `conforming`, as the WHATWG algorithm does (CLOSED,
 * then `error`, then `close`); otherwise as Node 22's undici does after an HTTP 400 (`error`, and
 * it stays CONNECTING).
 */
function failingSocketClass(conforming: boolean): WebSocketConstructor {
  class Failing extends EventTarget implements WebSocketLike {
    readyState = 0;
    bufferedAmount = 0;
    protocol = "";
    binaryType = "blob";
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onclose: ((event: { code: number; reason: string }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    constructor() {
      super();
      queueMicrotask(() => {
        if (conforming) this.readyState = 3;
        this.onerror?.({ message: "Received network error or non-101 status code." });
        this.dispatchEvent(new Event("error"));
        if (conforming) this.onclose?.({ code: 1006, reason: "" });
      });
    }
    send(): void {}
    close(): void {}
  }
  return Failing as unknown as WebSocketConstructor;
}

/** Far past any test's own timeout: a dial that waited for it would fail the test, not pass it. */
const NEVER_MS = 600_000;

describe("closeAfterOpenError", () => {
  it("an error with no close after it fails connect() with a NetworkError naming the error, not at the open deadline", async () => {
    const WebSocket = failingSocketClass(false);
    const error = await rejection(connect(toy({ url: "ws://127.0.0.1:9/", key: "toy-test-key" }), { WebSocket, timeouts: { openMs: NEVER_MS } }));
    expect(error).toMatchObject({ name: "NetworkError", code: "network" });
    expect(error.message).toMatch(/could not open ws:\/\/127\.0\.0\.1:9\/.*: Received network error or non-101 status code\./);
  });

  it("a runtime that closes after its error, as the spec says, gets no second close", async () => {
    const WebSocket = failingSocketClass(true);
    const socket = closeAfterOpenError(new WebSocket("ws://127.0.0.1:9/"));
    const seen: string[] = [];
    socket.onerror = () => seen.push("error");
    socket.onclose = (event) => seen.push(`close ${event.code}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(["error", "close 1006"]);
  });

  it("an error with no close gets the close, once", async () => {
    const WebSocket = failingSocketClass(false);
    const socket = closeAfterOpenError(new WebSocket("ws://127.0.0.1:9/"));
    const seen: string[] = [];
    socket.onclose = (event) => seen.push(`close ${event.code}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(["close 1006"]);
  });

  it("leaves a socket with an EventEmitter side (`ws`) as it is", () => {
    const seen: string[] = [];
    const wsLike = { on: () => {}, addEventListener: (type: string) => seen.push(type) } as unknown as WebSocketLike;
    expect(closeAfterOpenError(wsLike)).toBe(wsLike);
    expect(seen).toEqual([]);
  });
});

let server: Server | undefined;
afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("the runtime's global WebSocket, refused with an HTTP 400", () => {
  it("connect() rejects with a NetworkError, not the open deadline's TimeoutError", async (ctx) => {
    const Global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!Global) return ctx.skip(`Node ${process.versions.node} has no global WebSocket (Node ≥ 22 has)`);
    server = createServer((_request, response) => response.writeHead(400, { "content-type": "text/plain" }).end("bad request"));
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const lines: string[] = [];
    const logger = recordingLogger(lines);
    const error = await rejection(connect(toy({ url, key: "toy-test-key" }), { WebSocket: Global, timeouts: { openMs: NEVER_MS }, logger }));
    expect(error).toMatchObject({ name: "NetworkError", code: "network" });
    expect(error.message).toContain(`could not open ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toEqual([]); // and nothing more from the socket afterwards
  });
});
