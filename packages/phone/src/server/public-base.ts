import type { IncomingMessage } from "node:http";

/**
 * The base URL the carrier reached this server at: `publicUrl` when given, else the request's
 * `Host` / `X-Forwarded-Host` / `X-Forwarded-Proto` (which whoever sends the request controls).
 */
export function publicBase(publicUrl: string | undefined, req: IncomingMessage, scheme: "http" | "ws"): string {
  if (publicUrl) {
    const base = publicUrl.replace(/\/+$/, "");
    return scheme === "ws" ? base.replace(/^http/, "ws") : base;
  }
  const forwarded = String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    ?.trim();
  const secure = forwarded === "https" || forwarded === "wss";
  const host = req.headers["x-forwarded-host"] ?? req.headers.host ?? "localhost";
  return `${scheme}${secure ? "s" : ""}://${host}`;
}
