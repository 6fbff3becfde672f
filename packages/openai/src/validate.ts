import { ConfigError, isHeaderValueSafe, isHttpToken, validateBaseUrl as validateUrl } from "@voxwire/core";
import { DIALECT_NAME, isOpenaiAudio, OPENAI_DEFAULT_BASE_URL, type OpenaiAudio } from "./wire.js";

/** Which credential came, and its value. Messages never include the value. */
export interface Credential {
  readonly kind: "apiKey" | "clientSecret";
  readonly value: string;
}

/** Exactly one of `apiKey` and `clientSecret`, usable in an Authorization header. */
export function validateCredential(options: { apiKey?: unknown; clientSecret?: unknown }): Credential {
  const { apiKey, clientSecret } = options;
  if (apiKey !== undefined && clientSecret !== undefined) {
    throw new ConfigError("give either apiKey or clientSecret, not both", { dialect: DIALECT_NAME });
  }
  const kind = clientSecret !== undefined ? "clientSecret" : "apiKey";
  const value = clientSecret ?? apiKey;
  if (typeof value !== "string" || value.length === 0) {
    throw new ConfigError("an OpenAI apiKey (server side) or an ephemeral clientSecret (ek_…, browsers) is required", { dialect: DIALECT_NAME });
  }
  if (!isHeaderValueSafe(value)) {
    throw new ConfigError(`the ${kind} contains spaces or characters an Authorization header cannot carry`, { dialect: DIALECT_NAME });
  }
  return { kind, value };
}

/** True when the credential can ride in a subprotocol: RFC 7230 `token` characters only. */
export function isSubprotocolSafe(credential: unknown): credential is string {
  return isHttpToken(credential);
}

/** The Realtime model: 1–128 characters, no spaces or control characters (it goes in the query). */
export function validateModel(model: unknown): string {
  if (typeof model !== "string" || !/^[\x21-\x7e]{1,128}$/.test(model)) {
    throw new ConfigError('model is required: the Realtime model name, e.g. "gpt-realtime" (1-128 visible ASCII characters)', {
      dialect: DIALECT_NAME,
    });
  }
  return model;
}

export function validateAudio(audio: unknown): OpenaiAudio {
  if (audio === undefined) return "pcm16";
  if (!isOpenaiAudio(audio)) throw new ConfigError('audio must be "pcm16", "pcmu" or "pcma"', { dialect: DIALECT_NAME });
  return audio;
}

/** An optional string option (voice, instructions). */
export function validateText(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ConfigError(`${name} must be a string`, { dialect: DIALECT_NAME });
  return value;
}

/**
 * The WebSocket origin: `ws:`/`wss:` as given, `http:`/`https:` mapped to them, no query. A base
 * that already ends in `/v1` (the REST base URL people copy) is accepted: the `/v1` is not doubled.
 */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: OPENAI_DEFAULT_BASE_URL, schemes: "ws" }).replace(/\/v1$/, "");
}
