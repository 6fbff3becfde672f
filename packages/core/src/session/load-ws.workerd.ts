import type { WebSocketConstructor } from "./websocket.js";

/** No `ws` in Cloudflare Workers: the workerd build has no `import("ws")` for a bundler to chase into `node:http`. */
export async function loadWs(): Promise<WebSocketConstructor | undefined> {
  return undefined;
}
