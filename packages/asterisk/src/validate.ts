import { ConfigError } from "@voxwire/core";
import { ASTERISK_FORMATS, type AsteriskFormat, DIALECT_NAME } from "./wire.js";

export function validateFormat(format: unknown): AsteriskFormat {
  const f = format ?? "ulaw";
  if (typeof f !== "string" || !ASTERISK_FORMATS.includes(f as AsteriskFormat))
    throw new ConfigError(`format must be one of ${ASTERISK_FORMATS.join(", ")} (the dialstring's c(…)), got ${JSON.stringify(f)}`, {
      dialect: DIALECT_NAME,
    });
  return f as AsteriskFormat;
}

/** A stream path: absolute, no query. */
export function validatePath(path: unknown): string {
  const p = path ?? "/asterisk/media";
  if (typeof p !== "string" || !p.startsWith("/") || p.includes("?"))
    throw new ConfigError(`path must start with "/" and have no query, got ${JSON.stringify(p)}`, { dialect: DIALECT_NAME });
  return p;
}

/** Asterisk's media URL for an incoming connection: `ws(s)://host:8088/media/<MEDIA_WEBSOCKET_CONNECTION_ID>`. */
export function validateMediaUrl(url: unknown, connectionId: unknown): string {
  if (typeof url !== "string" || !/^wss?:\/\/[^/?#]+/.test(url))
    throw new ConfigError("url must be Asterisk's ws:// or wss:// HTTP server base (ws://pbx:8088)", { dialect: DIALECT_NAME });
  if (typeof connectionId !== "string" || !/^[A-Za-z0-9-]{1,128}$/.test(connectionId))
    throw new ConfigError("connectionId must be the channel's MEDIA_WEBSOCKET_CONNECTION_ID", { dialect: DIALECT_NAME });
  return `${url.replace(/\/+$/, "").replace(/\/media$/, "")}/media/${connectionId}`;
}
