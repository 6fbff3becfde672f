import { ConfigError, isHeaderValueSafe, isHttpToken } from "@voxwire/core";
import { DIALECT_NAME } from "./wire.js";

/** The longest key an `Authorization: Bearer <key>` header is given. */
const MAX_KEY_CHARS = 4096;

/** The API origin (and optional path prefix) the token endpoint hangs off: http(s), no query, no credentials. */
export function validateApiUrl(apiUrl: unknown): string {
  const url = parseUrl(apiUrl, "apiUrl");
  if (url.search || url.hash) {
    throw new ConfigError("apiUrl must be the API's base URL without a query or fragment (https://your-api-url.com)", { dialect: DIALECT_NAME });
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The application's own backend route that performs the bootstrap: an absolute http(s) URL, or a
 * path starting with `/` that the page's fetch resolves against its own origin.
 */
export function validateTokenUrl(tokenUrl: unknown): { url: string; relative: boolean } {
  if (typeof tokenUrl === "string" && tokenUrl.startsWith("/") && !tokenUrl.startsWith("//")) {
    return { url: tokenUrl, relative: true };
  }
  return { url: parseUrl(tokenUrl, "tokenUrl").href, relative: false };
}

/** A non-empty key that fits an HTTP header. The message never holds the value. */
export function validateApiKey(apiKey: unknown): string {
  if (!isHeaderValueSafe(apiKey, MAX_KEY_CHARS)) {
    throw new ConfigError("apiKey must be a non-empty string of visible ASCII characters without spaces (it is sent as a Bearer header)", {
      dialect: DIALECT_NAME,
    });
  }
  return apiKey;
}

/** Extra headers for the application's token route (a CSRF header, an app session token). */
export function validateHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw new ConfigError("tokenHeaders must be an object of header names to string values", { dialect: DIALECT_NAME });
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isHttpToken(name) || typeof value !== "string" || /[\r\n\0]/.test(value)) {
      throw new ConfigError("tokenHeaders must hold valid header names with single-line string values", { dialect: DIALECT_NAME });
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}

function parseUrl(value: unknown, field: string): URL {
  let url: URL;
  try {
    if (typeof value !== "string") throw new TypeError();
    url = new URL(value);
  } catch {
    throw new ConfigError(`${field} must be an absolute http: or https: URL`, { dialect: DIALECT_NAME });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`${field} must be an http: or https: URL`, { dialect: DIALECT_NAME });
  }
  if (url.username || url.password) {
    throw new ConfigError(`${field} must not carry credentials in the URL: pass the key as apiKey`, { dialect: DIALECT_NAME });
  }
  return url;
}
