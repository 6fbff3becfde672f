import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type WebSocket, WebSocketServer } from "ws";
import { BatchedWebSocket, batchSends } from "./index.js";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** A server that collects what it receives; resolves with its URL and the server-side socket. */
async function echoPair() {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  const received: string[] = [];
  const serverSide = new Promise<WebSocket>((resolve) => wss.on("connection", (ws) => resolve(ws)));
  wss.on("connection", (ws) => ws.on("message", (data) => received.push(data.toString())));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  closers.push(async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
    await new Promise<void>((resolve) => http.close(() => resolve()));
  });
  return { url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`, received, serverSide };
}

type Corked = { _socket: { writableCorked: number } };

describe("batched sends", () => {
  it("holds the messages of one callback in one corked write, released right after it", async () => {
    const { url, received } = await echoPair();
    const client = new BatchedWebSocket(url);
    await new Promise((resolve) => client.once("open", resolve));
    client.send("a");
    client.send("b");
    expect((client as unknown as Corked)._socket.writableCorked).toBe(1);
    client.send("c");
    await new Promise((resolve) => process.nextTick(resolve));
    expect((client as unknown as Corked)._socket.writableCorked).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual(["a", "b", "c"]);
    client.close();
  });

  it("wraps an accepted socket too, and leaves a closed one alone", async () => {
    const { url, serverSide } = await echoPair();
    const client = new BatchedWebSocket(url);
    const got: string[] = [];
    client.on("message", (data) => got.push(data.toString()));
    await new Promise((resolve) => client.once("open", resolve));
    const server = batchSends(await serverSide);
    server.send("x");
    server.send("y");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(got).toEqual(["x", "y"]);
    client.close();
    await new Promise((resolve) => server.once("close", resolve));
    expect(() => server.send("late", () => {})).not.toThrow();
  });
});
