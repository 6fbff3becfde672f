import { ConfigError, type HttpRequestSpec, ProtocolError, readJsonObject } from "@voxwire/core";
import { DEEPGRAM_GRANT_PATH, DEEPGRAM_REST_BASE_URL, DEEPGRAM_TOKEN_SCHEME, DIALECT_NAME } from "./wire.js";

/*
 * Short-lived tokens (Deepgram's "Token-Based Authentication" reference,
 * https://developers.deepgram.com/reference/auth/tokens/grant): `POST /v1/auth/grant` with
 * `Authorization: Token <key>` and an optional `{ ttl_seconds }` answers `{ access_token, expires_in }`,
 * a JWT the socket takes as `Bearer` (in a browser: the subprotocols `bearer`, `<jwt>`).
 */

/** The vendor code of a grant answer that is not `{ access_token, expires_in? }`. */
const INVALID_GRANT = "invalid_grant_response";
/** The grant endpoint's documented TTL range is not published; voxwire refuses what cannot be a TTL. */
const MAX_TTL_SECONDS = 3600;

/** What `POST /v1/auth/grant` answers. */
export interface DeepgramGrant {
  /** The JWT. */
  readonly access_token: string;
  /** Seconds until it expires (the reference marks it optional; 30 s is the default TTL). */
  readonly expires_in?: number;
}

export interface GrantRequestOptions {
  /** The API key: it stays on the server that makes this call. */
  apiKey: string;
  /** How long the token lives, in seconds (Deepgram's default: 30). */
  ttlSeconds?: number;
  /** Another REST origin (a proxy, a local simulator). Default `https://api.deepgram.com`. */
  restBaseUrl?: string;
}

/** The grant call as data, for `runBootstrap` (server helpers) and the golden files. */
export function grantRequest(options: GrantRequestOptions): HttpRequestSpec {
  const { apiKey, ttlSeconds } = options;
  if (typeof apiKey !== "string" || !/^[\x21-\x7e]{1,8192}$/.test(apiKey)) {
    throw new ConfigError("an apiKey is required: a non-empty string without spaces (it is sent as Authorization: Token)", { dialect: DIALECT_NAME });
  }
  if (ttlSeconds !== undefined && (typeof ttlSeconds !== "number" || !(ttlSeconds > 0) || ttlSeconds > MAX_TTL_SECONDS)) {
    throw new ConfigError(`ttlSeconds must be a number of seconds above 0 and at most ${MAX_TTL_SECONDS}`, { dialect: DIALECT_NAME });
  }
  const base = restBase(options.restBaseUrl);
  const header = `${DEEPGRAM_TOKEN_SCHEME} ${apiKey}`;
  return {
    method: "POST",
    url: `${base}${DEEPGRAM_GRANT_PATH}`,
    headers: { authorization: header, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(ttlSeconds === undefined ? {} : { ttl_seconds: ttlSeconds }),
    secrets: [apiKey, header],
  };
}

/** The application's own token route (a page's `tokenUrl`), which answers what the grant answers. */
export function routeRequest(url: string, headers: Readonly<Record<string, string>>): HttpRequestSpec {
  return { method: "POST", url, headers: { accept: "application/json", ...headers }, secrets: Object.values(headers) };
}

/**
 * `{ access_token, expires_in? }` from a grant (or token route) body. Anything else is a fatal
 * `ProtocolError` naming the field; the message never quotes the body, which holds the token.
 */
export function readGrant(body: string): DeepgramGrant {
  const answer = readJsonObject(body, { dialect: DIALECT_NAME, what: "the token answer", vendorCode: INVALID_GRANT });
  const { access_token, expires_in } = answer;
  const invalid = (why: string) => new ProtocolError(`the token answer ${why}`, { dialect: DIALECT_NAME, fatal: true, vendorCode: INVALID_GRANT });
  if (typeof access_token !== "string" || access_token.length === 0) throw invalid('has no non-empty string "access_token"');
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(access_token)) throw invalid('has an "access_token" that cannot ride in a header or subprotocol');
  if (expires_in === undefined) return { access_token };
  if (typeof expires_in !== "number" || !(expires_in > 0)) throw invalid('has an "expires_in" that is not a positive number of seconds');
  return { access_token, expires_in };
}

function restBase(restBaseUrl: unknown): string {
  if (restBaseUrl === undefined) return DEEPGRAM_REST_BASE_URL;
  let url: URL;
  try {
    if (typeof restBaseUrl !== "string") throw new TypeError();
    url = new URL(restBaseUrl);
  } catch {
    throw new ConfigError("restBaseUrl must be an absolute http: or https: URL", { dialect: DIALECT_NAME });
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.search || url.hash || url.username || url.password) {
    throw new ConfigError("restBaseUrl must be an http: or https: URL without credentials, query or fragment", { dialect: DIALECT_NAME });
  }
  return url.href.replace(/\/+$/, "");
}
