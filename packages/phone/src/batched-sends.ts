import type { Socket } from "node:net";
import { WebSocket } from "ws";

interface CorkableSocket {
  _socket?: Pick<Socket, "cork" | "uncork">;
}

/**
 * Makes the messages a `ws` socket sends within one callback leave in one write: the first send
 * corks the TCP socket and the rest of the current callback (the microtask checkpoint) uncorks it.
 * Nothing waits longer than the callback that produced it, but when one TCP read brings several
 * messages (an overloaded bridge), their answers share a system call, as do a media message and
 * the mark behind it. While the bridge keeps up it changes nothing measurable (see the guide).
 */
export function batchSends(ws: WebSocket): WebSocket {
  const send = ws.send;
  let corked = false;
  const uncork = () => {
    corked = false;
    (ws as unknown as CorkableSocket)._socket?.uncork();
  };
  ws.send = function batchedSend(this: WebSocket, ...args: Parameters<WebSocket["send"]>) {
    const socket = (ws as unknown as CorkableSocket)._socket;
    if (!corked && socket && ws.readyState === WebSocket.OPEN) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return send.apply(this, args);
  } as WebSocket["send"];
  return ws;
}

/** `ws`'s WebSocket, with `batchSends` on every instance: the constructor `connect()` gets for the agent leg. */
export class BatchedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    batchSends(this);
  }
}
