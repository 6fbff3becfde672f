import type { WebSocketConstructor } from "./websocket.js";

/** The `ws` package's WebSocket, or undefined where it is not installed. Node only (the workerd build has a twin without it). */
export async function loadWs(): Promise<WebSocketConstructor | undefined> {
  try {
    const mod = (await import("ws")) as { WebSocket?: WebSocketConstructor; default?: WebSocketConstructor };
    return mod.WebSocket ?? mod.default;
  } catch {
    return undefined;
  }
}
