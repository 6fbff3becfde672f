import { ConfigError } from "../errors/error-classes.js";

export interface BaseUrlOptions {
  dialect: string;
  /** What an absent `baseUrl` means: the vendor's production origin. */
  defaultUrl: string;
  /**
   * `ws`: a WebSocket origin; `ws:`/`wss:` as given, `http:`/`https:` mapped to them (a
   * simulator's address works either way). `http`: a REST origin; `http:`/`https:` only.
   */
  schemes: "ws" | "http";
}

const SCHEMES: Readonly<Record<BaseUrlOptions["schemes"], Readonly<Record<string, string>>>> = {
  ws: { "ws:": "ws:", "wss:": "wss:", "http:": "ws:", "https:": "wss:" },
  http: { "http:": "http:", "https:": "https:" },
};
const NAMED = { ws: "ws:, wss:, http: or https:", http: "http: or https:" } as const;

/**
 * The `baseUrl` option checked: another host (and optional path prefix) for the same wire,
 * returned as `scheme://host/prefix` without a trailing slash. A URL that is not absolute, has
 * another scheme, or carries credentials, a query or a fragment is a `ConfigError`; the message
 * never quotes the value, which might hold a credential.
 */
export function validateBaseUrl(baseUrl: unknown, options: BaseUrlOptions): string {
  const { dialect, defaultUrl, schemes } = options;
  if (baseUrl === undefined) return defaultUrl;
  let url: URL;
  try {
    if (typeof baseUrl !== "string") throw new TypeError();
    url = new URL(baseUrl);
  } catch {
    throw new ConfigError(`baseUrl must be an absolute ${NAMED[schemes]} URL`, { dialect });
  }
  const scheme = SCHEMES[schemes][url.protocol];
  if (!scheme || url.search || url.hash || url.username || url.password) {
    const article = schemes === "ws" ? "a" : "an";
    throw new ConfigError(`baseUrl must be ${article} ${NAMED[schemes]} URL without credentials, query or fragment`, { dialect });
  }
  return `${scheme}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

/** True for an absolute `ws:`/`wss:` URL: the only thing a socket can dial. */
export function isSocketUrl(value: unknown): value is string {
  if (typeof value !== "string") return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "ws:" || protocol === "wss:";
  } catch {
    return false;
  }
}
