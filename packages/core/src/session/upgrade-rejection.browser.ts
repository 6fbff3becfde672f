import type { WebSocketLike } from "./websocket.js";

/** A browser's WebSocket never says why an upgrade was refused (only `error`, then `close` 1006). */
export function watchUpgradeRejection(_socket: WebSocketLike, _refused: (status: number, body: string) => void): void {}
