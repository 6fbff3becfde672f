import { ConfigError } from "@voxwire/core";

const DIALECT = "token-first";

/** Characters an `Authorization: Bearer <key>` header value can carry (visible ASCII, no spaces). */
const HEADER_SAFE = /^[\x21-\x7e]{1,4096}$/;

/** The API origin (and optional path prefix) the token endpoint hangs off: http(s), no query, no credentials. */
export function validateApiUrl(apiUrl: unknown): string {
  const url = parseUrl(apiUrl, "apiUrl");
  if (url.search || url.hash) {
    throw new ConfigError("apiUrl must be the API's base URL without a query or fragment (https://your-api-url.com)", { dialect: DIALECT });
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
  if (typeof apiKey !== "string" || !HEADER_SAFE.test(apiKey)) {
    throw new ConfigError("apiKey must be a non-empty string of visible ASCII characters without spaces (it is sent as a Bearer header)", {
      dialect: DIALECT,
    });
  }
  return apiKey;
}

/** Extra headers for the application's token route (a CSRF header, an app session token). */
export function validateHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw new ConfigError("tokenHeaders must be an object of header names to string values", { dialect: DIALECT });
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || typeof value !== "string" || /[\r\n\0]/.test(value)) {
      throw new ConfigError("tokenHeaders must hold valid header names with single-line string values", { dialect: DIALECT });
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
    throw new ConfigError(`${field} must be an absolute http: or https: URL`, { dialect: DIALECT });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`${field} must be an http: or https: URL`, { dialect: DIALECT });
  }
  if (url.username || url.password) {
    throw new ConfigError(`${field} must not carry credentials in the URL: pass the key as apiKey`, { dialect: DIALECT });
  }
  return url;
}
