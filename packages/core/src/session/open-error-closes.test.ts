// An error before the socket opened ends the dial at once: with a close the runtime sends, or,
// where it sends none (Node 22's global WebSocket after an HTTP 400), with the 1006 one
// closeAfterOpenError supplies. Against a fake socket, and against the runtime's own global
// WebSocket where it has one (Node ≥ 22; `npx pnpm@10 test` runs this file under 22 and 24 too).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { rejection } from "../../test/test-helpers.js";
import { toy } from "../../test/toy-dialect.js";
import { connect } from "./connect.js";
import { closeAfterOpenError } from "./open-error-closes.js";
import type { WebSocketConstructor, WebSocketLike } from "./websocket.js";

/** A socket that fails its dial with `error` and, when `closes`, then `close` (1006) on the next task. */
function failingSocketClass(closes: boolean): { WebSocket: WebSocketConstructor; closeCalls: number[] } {
  const closeCalls: number[] = [];
  class Failing implements WebSocketLike {
    readyState = 0;
    bufferedAmount = 0;
    protocol = "";
    binaryType = "blob";
    onopen: ((event: unknown) => void) | null = null;
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onclose: ((event: { code: number; reason: string }) => void) | null = null;
    onerror: ((event: unknown) => void) | null = null;
    constructor() {
      queueMicrotask(() => {
        this.onerror?.({ message: "Received network error or non-101 status code." });
        if (closes) {
          setTimeout(() => {
            this.readyState = 3;
            this.onclose?.({ code: 1006, reason: "" });
          }, 0);
        }
      });
    }
    send(): void {}
    close(): void {
      closeCalls.push(this.readyState);
    }
  }
  return { WebSocket: Failing as unknown as WebSocketConstructor, closeCalls };
}

/** Far past any test's own timeout: a dial that waited for it would fail the test, not pass it. */
const NEVER_MS = 600_000;

describe("closeAfterOpenError", () => {
  it("an error with no close after it fails connect() with a NetworkError naming the error, not at the open deadline", async () => {
    const { WebSocket, closeCalls } = failingSocketClass(false);
    const error = await rejection(connect(toy({ url: "ws://127.0.0.1:9/", key: "toy-test-key" }), { WebSocket, timeouts: { openMs: NEVER_MS } }));
    expect(error).toMatchObject({ name: "NetworkError", code: "network" });
    expect(error.message).toMatch(/could not open ws:\/\/127\.0\.0\.1:9\/.*: Received network error or non-101 status code\./);
    expect(closeCalls).toEqual([0]); // the runtime is told to let go of the stuck socket
  });

  it("an error the runtime follows with its own close delivers that close once, and nothing more", async () => {
    const { WebSocket } = failingSocketClass(true);
    const socket = closeAfterOpenError(new WebSocket("ws://127.0.0.1:9/"));
    const seen: string[] = [];
    socket.onerror = () => seen.push("error");
    socket.onclose = (event) => seen.push(`close ${event.code}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(["error", "close 1006"]);
    expect(socket.readyState).toBe(3);
  });

  it("leaves a socket with an EventEmitter side (`ws`) as it is", () => {
    const wsLike = { on: () => {} } as unknown as WebSocketLike;
    expect(closeAfterOpenError(wsLike)).toBe(wsLike);
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
    const error = await rejection(connect(toy({ url, key: "toy-test-key" }), { WebSocket: Global, timeouts: { openMs: NEVER_MS } }));
    expect(error).toMatchObject({ name: "NetworkError", code: "network" });
    expect(error.message).toContain(`could not open ${url}`);
  });
});
