import { ConfigError, isHeaderValueSafe, isHttpToken, isRecord, validateBaseUrl as validateUrl } from "@voxwire/core";
import type { DeepgramSettingsOverrides } from "./settings.js";
import { DEEPGRAM_DEFAULT_BASE_URL, DEEPGRAM_DEFAULT_SAMPLE_RATE, DEEPGRAM_INPUT_RATES, DEEPGRAM_OUTPUT_RATES, DIALECT_NAME } from "./wire.js";

const MAX_CREDENTIAL_CHARS = 8192;

/** Which credential came, and its value. Messages never include the value. */
export type Credential =
  | { readonly kind: "apiKey"; readonly value: string }
  | { readonly kind: "accessToken"; readonly value: string }
  | { readonly kind: "tokenUrl"; readonly url: string; readonly relative: boolean; readonly headers: Readonly<Record<string, string>> };

/** Exactly one of `apiKey`, `accessToken` and `tokenUrl`. */
export function validateCredential(options: { apiKey?: unknown; accessToken?: unknown; tokenUrl?: unknown; tokenHeaders?: unknown }): Credential {
  const given = (["apiKey", "accessToken", "tokenUrl"] as const).filter((name) => options[name] !== undefined);
  if (given.length > 1) throw new ConfigError(`give one of apiKey, accessToken and tokenUrl, not ${given.join(" and ")}`, { dialect: DIALECT_NAME });
  if (given.length === 0) {
    throw new ConfigError(
      "an apiKey (servers), an accessToken (a short-lived JWT from POST /v1/auth/grant) or a tokenUrl (your route that mints one) is required",
      {
        dialect: DIALECT_NAME,
      },
    );
  }
  const kind = given[0]!;
  if (kind === "tokenUrl") return { kind, ...validateTokenUrl(options.tokenUrl), headers: validateHeaders(options.tokenHeaders) };
  if (options.tokenHeaders !== undefined) throw new ConfigError("tokenHeaders only goes with tokenUrl", { dialect: DIALECT_NAME });
  const value = options[kind];
  if (!isHeaderValueSafe(value, MAX_CREDENTIAL_CHARS)) {
    throw new ConfigError(`the ${kind} must be a non-empty string without spaces or characters an Authorization header cannot carry`, {
      dialect: DIALECT_NAME,
    });
  }
  return kind === "apiKey" ? { kind, value } : { kind, value };
}

/** True when the credential can ride in a subprotocol: RFC 7230 `token` characters only (a JWT's are). */
export function isSubprotocolSafe(credential: unknown): credential is string {
  return isHttpToken(credential);
}

/** The application's token route: an absolute http(s) URL, or a path a page resolves against its origin. */
export function validateTokenUrl(tokenUrl: unknown): { url: string; relative: boolean } {
  if (typeof tokenUrl === "string" && tokenUrl.startsWith("/") && !tokenUrl.startsWith("//")) return { url: tokenUrl, relative: true };
  let url: URL;
  try {
    if (typeof tokenUrl !== "string") throw new TypeError();
    url = new URL(tokenUrl);
  } catch {
    throw new ConfigError("tokenUrl must be an absolute http: or https: URL, or a path starting with /", { dialect: DIALECT_NAME });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError("tokenUrl must be an http: or https: URL", { dialect: DIALECT_NAME });
  return { url: url.href, relative: false };
}

/** Extra headers for the token route (a CSRF header, the application's own session token). */
export function validateHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (!isRecord(headers)) throw new ConfigError("tokenHeaders must be an object of header names to string values", { dialect: DIALECT_NAME });
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isHttpToken(name) || typeof value !== "string" || /[\r\n\0]/.test(value)) {
      throw new ConfigError("tokenHeaders must hold valid header names with single-line string values", { dialect: DIALECT_NAME });
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}

/** A linear16 rate Deepgram takes in that direction; default 24 kHz (the input default the SDK documents). */
export function validateRate(rate: unknown, name: "inputSampleRate" | "outputSampleRate"): number {
  if (rate === undefined) return DEEPGRAM_DEFAULT_SAMPLE_RATE;
  const allowed = name === "inputSampleRate" ? DEEPGRAM_INPUT_RATES : DEEPGRAM_OUTPUT_RATES;
  if (typeof rate !== "number" || !allowed.includes(rate))
    throw new ConfigError(`${name} must be one of ${allowed.join(", ")}`, { dialect: DIALECT_NAME });
  return rate;
}

/**
 * The escape hatch: a plain object without `audio` or `type` (the factory owns those: the
 * session's plan depends on the rates). Its values are the caller's; they are sent as given.
 */
export function validateSettings(settings: unknown): DeepgramSettingsOverrides | undefined {
  if (settings === undefined) return undefined;
  if (!isRecord(settings)) throw new ConfigError("settings must be an object (the Settings message's fields)", { dialect: DIALECT_NAME });
  if ("audio" in settings) {
    throw new ConfigError("settings.audio is the factory's: set inputSampleRate and outputSampleRate instead", { dialect: DIALECT_NAME });
  }
  if ("type" in settings) throw new ConfigError('settings.type is always "Settings": leave it out', { dialect: DIALECT_NAME });
  if (settings.agent !== undefined && !isRecord(settings.agent)) throw new ConfigError("settings.agent must be an object", { dialect: DIALECT_NAME });
  try {
    JSON.stringify(settings);
  } catch {
    throw new ConfigError("settings must be JSON-serializable (no cycles, no BigInt)", { dialect: DIALECT_NAME });
  }
  return settings as DeepgramSettingsOverrides;
}

/** The WebSocket origin to dial: `ws:`/`wss:` as given, `http:`/`https:` mapped to them; no query. */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: DEEPGRAM_DEFAULT_BASE_URL, schemes: "ws" });
}
