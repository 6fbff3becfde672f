import type { RuntimeKind } from "../dialect/current.js";
import { FetchUpgradeSocket } from "./fetch-upgrade-socket.js";
import type { WebSocketConstructor } from "./websocket.js";

/** In Cloudflare Workers, upgrade headers go through `fetch` with `Upgrade: websocket`. */
export function headerWebSocket(_runtime: RuntimeKind, _global: WebSocketConstructor | undefined): WebSocketConstructor | undefined {
  return typeof fetch === "function" ? (FetchUpgradeSocket as WebSocketConstructor) : undefined;
}
