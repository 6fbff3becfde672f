import type { ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** A JSON reply (health and readiness bodies). */
export function replyJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers }).end(JSON.stringify(body));
}

/** Refuses an upgrade before it happens: a plain HTTP status on the raw socket (with `Retry-After` where given). */
export function refuseUpgrade(socket: Duplex, status: number, text: string, retryAfterSeconds?: number): void {
  const retry = retryAfterSeconds !== undefined ? `Retry-After: ${retryAfterSeconds}\r\n` : "";
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${retry}Connection: close\r\nContent-Length: 0\r\n\r\n`);
}
