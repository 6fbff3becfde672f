import type { WebSocketLike } from "./websocket.js";

/** A refused upgrade's body: this much is read, then handed over (the session redacts, then cuts). */
const MAX_ERROR_BODY_READ = 8192;

/**
 * Calls `refused` with the HTTP status and body of a refused upgrade, where the socket reports
 * them: `ws` emits `unexpected-response`; the WHATWG WebSocket hides both (the browser build's
 * twin, upgrade-rejection.browser.ts, does nothing). The body is read up to 8 KiB: enough to
 * classify the refusal, and an endless body must not hold the open until its deadline.
 */
export function watchUpgradeRejection(socket: WebSocketLike, refused: (status: number, body: string) => void): void {
  const emitter = socket as unknown as { on?: (event: string, fn: (...args: unknown[]) => void) => void };
  if (typeof emitter.on !== "function") return;
  emitter.on("unexpected-response", (_request: unknown, response: unknown) => {
    const res = response as { statusCode?: number; on(event: string, fn: (chunk?: unknown) => void): void; destroy?: () => void };
    const status = res.statusCode ?? 0;
    let body = "";
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      refused(status, body);
    };
    res.on("data", (chunk) => {
      body += String(chunk);
      if (body.length >= MAX_ERROR_BODY_READ) {
        finish();
        res.destroy?.();
      }
    });
    res.on("end", finish);
    res.on("error", finish);
  });
}
