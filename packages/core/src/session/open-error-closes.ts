import type { WebSocketLike } from "./websocket.js";

/** `readyState` before the socket opened. */
const CONNECTING = 0;

/**
 * Makes an `error` before the socket opened always end in a `close`, as the WHATWG algorithm
 * ("fail the WebSocket connection") says it does, so a refused dial fails at once instead of at
 * the open deadline. Node 22's global WebSocket (undici) breaks that rule for a refused upgrade
 * (an HTTP 400): it fires `error`, stays CONNECTING, and never fires `close`. Where a socket is
 * still CONNECTING a macrotask after such an error, the session's `onclose` gets the close the
 * runtime owed (1006, no close frame). The socket is left alone: it holds nothing by then (the
 * process exits with it still CONNECTING), and a `close()` on it would only fire another error.
 *
 * Only sockets with `addEventListener` and no `.on` (the global WebSocket of each runtime): `ws`
 * always closes, and an injected socket keeps its own rules.
 */
export function closeAfterOpenError(socket: WebSocketLike): WebSocketLike {
  const target = socket as WebSocketLike & { on?: unknown; addEventListener?: (type: string, listener: () => void) => void };
  if (typeof target.on === "function" || typeof target.addEventListener !== "function") return socket;
  target.addEventListener("error", () => {
    if (socket.readyState !== CONNECTING) return;
    setTimeout(() => {
      if (socket.readyState !== CONNECTING) return;
      socket.onclose?.({ code: 1006, reason: "" });
    }, 0);
  });
  return socket;
}
