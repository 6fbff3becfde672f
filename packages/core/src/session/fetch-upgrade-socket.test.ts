// The Workers socket dialed through fetch: messages reach the session in the order they came, a
// Blob (a runtime that ignored binaryType) read into an ArrayBuffer first.
import { afterEach, describe, expect, it, vi } from "vitest";
import { FetchUpgradeSocket } from "./fetch-upgrade-socket.js";

type Listener = (event: { data: unknown }) => void;

/** The peer's half of a Workers WebSocket: the test fires its messages. */
function workersSocket() {
  const listeners: Record<string, Listener[]> = {};
  return {
    binaryType: "blob",
    readyState: 1,
    accept() {},
    send() {},
    close() {},
    addEventListener(type: string, listener: Listener) {
      listeners[type] = [...(listeners[type] ?? []), listener];
    },
    fire(data: unknown) {
      for (const listener of listeners.message ?? []) listener({ data });
    },
  };
}

async function opened(peer: ReturnType<typeof workersSocket>): Promise<{ socket: FetchUpgradeSocket; received: unknown[] }> {
  // Node's Response refuses status 101; what the socket reads of it is this much.
  vi.stubGlobal("fetch", async () => ({ status: 101, webSocket: peer, headers: new Headers() }));
  const socket = new FetchUpgradeSocket("wss://agent.example/ws", undefined, { headers: { authorization: "Token k" } });
  const received: unknown[] = [];
  socket.onmessage = (event) => received.push(event.data);
  await new Promise<void>((resolve) => {
    socket.onopen = () => resolve();
  });
  return { socket, received };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("FetchUpgradeSocket", () => {
  it("asks the runtime for ArrayBuffers, and hands text and binary on as they come", async () => {
    const peer = workersSocket();
    const { received } = await opened(peer);
    expect(peer.binaryType).toBe("arraybuffer");
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    peer.fire("hello");
    peer.fire(bytes);
    expect(received).toEqual(["hello", bytes]);
  });

  it("reads a Blob before delivering it, and what follows waits its turn", async () => {
    const peer = workersSocket();
    const { received } = await opened(peer);
    peer.fire("first");
    peer.fire(new Blob([new Uint8Array([7, 8])]));
    peer.fire("after the blob");
    expect(received).toEqual(["first"]);
    await vi.waitFor(() => expect(received).toHaveLength(3));
    expect(received[0]).toBe("first");
    expect(new Uint8Array(received[1] as ArrayBuffer)).toEqual(new Uint8Array([7, 8]));
    expect(received[2]).toBe("after the blob");
  });
});
