import type { RuntimeKind } from "../dialect/current.js";
import type { WebSocketConstructor } from "./websocket.js";

/** A browser's WebSocket cannot send upgrade headers: a dialect that needs them is refused (pickWebSocket). */
export function headerWebSocket(_runtime: RuntimeKind, _global: WebSocketConstructor | undefined): WebSocketConstructor | undefined {
  return undefined;
}
