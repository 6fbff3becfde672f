import type { RuntimeKind } from "../dialect/current.js";
import type { WebSocketClientOptions, WebSocketConstructor } from "./websocket.js";

/**
 * A socket class that sends upgrade headers on this runtime, or undefined where there is none
 * (a browser, a browser's worker): the global WebSocket of Bun, Deno and Node (undici, Node ≥ 22),
 * which take `new WebSocket(url, { protocols, headers })` (not in the WHATWG spec). The `workerd`
 * build has a twin for Cloudflare Workers, which dial through `fetch`.
 */
export function headerWebSocket(runtime: RuntimeKind, global: WebSocketConstructor | undefined): WebSocketConstructor | undefined {
  if (!global || (runtime !== "bun" && runtime !== "deno" && runtime !== "node")) return undefined;
  // A plain function, so `new` on it returns the socket it made.
  return function InitHeadersWebSocket(url: string, protocols?: string | string[], options: WebSocketClientOptions = {}) {
    return new (global as unknown as new (url: string, init: object) => object)(url, { protocols, headers: options.headers });
  } as unknown as WebSocketConstructor;
}
