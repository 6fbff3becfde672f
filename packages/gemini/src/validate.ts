import { ConfigError, isRecord, validateBaseUrl as validateUrl } from "@voxwire/core";
import type { GeminiSetup } from "./setup.js";
import { DIALECT_NAME, GEMINI_API_VERSIONS, GEMINI_DEFAULT_BASE_URL, GEMINI_TOKEN_PREFIX, type GeminiApiVersion } from "./wire.js";

/** Which credential came, and its value. Messages never include the value. */
export interface Credential {
  readonly kind: "apiKey" | "token";
  readonly value: string;
}

/** URL-unreserved characters only: the credential rides in the query as the SDK sends it, unencoded. */
const QUERY_SAFE = /^[A-Za-z0-9._~-]+$/;

/** Exactly one of `apiKey` (servers) and `token` (`auth_tokens/…`, browsers). */
export function validateCredential(options: { apiKey?: unknown; token?: unknown }): Credential {
  const { apiKey, token } = options;
  if (apiKey !== undefined && token !== undefined) throw new ConfigError("give either apiKey or token, not both", { dialect: DIALECT_NAME });
  if (token !== undefined) {
    if (typeof token !== "string" || !token.startsWith(GEMINI_TOKEN_PREFIX) || !QUERY_SAFE.test(token.slice(GEMINI_TOKEN_PREFIX.length))) {
      throw new ConfigError(`token must be an ephemeral token name, "${GEMINI_TOKEN_PREFIX}…" (letters, digits, . _ ~ - after the prefix)`, {
        dialect: DIALECT_NAME,
      });
    }
    return { kind: "token", value: token };
  }
  if (typeof apiKey !== "string" || apiKey.length === 0) {
    throw new ConfigError("a Gemini apiKey (server side) or an ephemeral token (auth_tokens/…, browsers) is required", { dialect: DIALECT_NAME });
  }
  if (apiKey.startsWith(GEMINI_TOKEN_PREFIX)) {
    throw new ConfigError(`an ${GEMINI_TOKEN_PREFIX}… value is an ephemeral token: pass it as token, not apiKey`, { dialect: DIALECT_NAME });
  }
  if (!QUERY_SAFE.test(apiKey)) throw new ConfigError("the apiKey has characters a URL query cannot carry unencoded", { dialect: DIALECT_NAME });
  return { kind: "apiKey", value: apiKey };
}

/** The Live model: 1–200 visible ASCII characters (`gemini-live-2.5-flash-preview`, or `models/…`). */
export function validateModel(model: unknown): string {
  if (typeof model !== "string" || !/^[\x21-\x7e]{1,200}$/.test(model)) {
    throw new ConfigError('model is required: the Live model name, e.g. "gemini-live-2.5-flash-preview"', { dialect: DIALECT_NAME });
  }
  return model;
}

/** The API version: v1beta for keys, v1alpha for tokens, unless given. */
export function validateApiVersion(version: unknown, credential: Credential): GeminiApiVersion {
  if (version === undefined) return credential.kind === "token" ? "v1alpha" : "v1beta";
  if (!GEMINI_API_VERSIONS.includes(version as GeminiApiVersion)) {
    throw new ConfigError(`apiVersion must be one of ${GEMINI_API_VERSIONS.join(", ")}`, { dialect: DIALECT_NAME });
  }
  return version as GeminiApiVersion;
}

/** The typed `setup` escape hatch: an object, without `model` (the `model` option names it). */
export function validateSetup(setup: unknown): GeminiSetup | undefined {
  if (setup === undefined) return undefined;
  if (!isRecord(setup)) throw new ConfigError("setup must be an object of Live API setup fields", { dialect: DIALECT_NAME });
  if ("model" in setup) throw new ConfigError("setup.model is not allowed: use the model option", { dialect: DIALECT_NAME });
  try {
    JSON.stringify(setup);
  } catch {
    throw new ConfigError("setup must be plain JSON data", { dialect: DIALECT_NAME });
  }
  return setup as GeminiSetup;
}

/**
 * The WebSocket origin: `ws:`/`wss:` as given, `http:`/`https:` mapped to them (the SDK's REST
 * `baseUrl` works as is), no query, no trailing slash.
 */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: GEMINI_DEFAULT_BASE_URL, schemes: "ws" });
}
