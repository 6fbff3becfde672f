import type { WebSocketConstructor } from "./websocket.js";

/** No `ws` in a browser (its browser entry only throws): the browser build dials the global WebSocket. */
export async function loadWs(): Promise<WebSocketConstructor | undefined> {
  return undefined;
}
