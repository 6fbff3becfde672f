import { ConfigError, isHeaderValueSafe, isHttpToken, isRecord, validateBaseUrl as validateUrl } from "@voxwire/core";
import type { OpenaiCompat, OpenaiSessionFields } from "./session-config.js";
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

export function validateCompat(compat: unknown): OpenaiCompat {
  if (compat === undefined) return "ga";
  if (compat !== "azure") throw new ConfigError('compat must be "azure" or absent (OpenAI GA)', { dialect: DIALECT_NAME });
  return compat;
}

/** Azure's `api-version`: a date with an optional `-preview` tag. */
export function validateApiVersion(version: unknown): string | undefined {
  if (version === undefined) return undefined;
  if (typeof version !== "string" || !/^\d{4}-\d{2}-\d{2}(-[a-z]+)?$/.test(version)) {
    throw new ConfigError('apiVersion must look like "2025-10-01" or "2025-05-01-preview"', { dialect: DIALECT_NAME });
  }
  return version;
}

/**
 * The `session` escape hatch: a plain object. It may not set the session's `type` or the audio
 * formats, which the dialect decodes by (use the `audio` option).
 */
export function validateSessionFields(session: unknown): OpenaiSessionFields | undefined {
  if (session === undefined) return undefined;
  if (!isRecord(session) || Array.isArray(session)) throw new ConfigError("session must be an object of session fields", { dialect: DIALECT_NAME });
  const audio: Record<string, unknown> = isRecord(session.audio) ? session.audio : {};
  const sets = (side: unknown) => isRecord(side) && "format" in side;
  if ("type" in session || sets(audio.input) || sets(audio.output) || "input_audio_format" in session || "output_audio_format" in session) {
    throw new ConfigError("session may not set type or the audio formats: use the audio option", { dialect: DIALECT_NAME });
  }
  return session;
}
