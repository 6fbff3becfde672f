import { type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/** Sends `body` as JSON. The engine has already set the CORS headers on `res`. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Cross-origin headers on every HTTP answer: browser clients call token endpoints from their
 * own origin, so the real services must allow it, and so does the simulator.
 */
export function setCorsHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
  res.setHeader("vary", "origin");
  res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
  res.setHeader("access-control-allow-headers", req.headers["access-control-request-headers"] ?? "authorization, content-type, x-api-key");
  res.setHeader("access-control-max-age", "600");
}

/** Answers a WebSocket upgrade request with a plain HTTP error and a JSON body, then drops the socket. */
export function rejectUpgrade(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}`,
    "connection: close",
    "content-type: application/json",
    `content-length: ${Buffer.byteLength(text)}`,
  ];
  socket.on("error", () => {}); // the client may hang up first
  socket.end(`${head.join("\r\n")}\r\n\r\n${text}`, () => socket.destroy());
}
