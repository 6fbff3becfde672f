import { ConfigError, isHeaderValueSafe, validateBaseUrl as validateUrl } from "@voxwire/core";
import { type CallCreatePreset, DIALECT_NAME, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE, OMNIA_PRESET } from "./wire.js";

/*
 * Option checks run by the factory, before any I/O. No message ever quotes a key or a socket URL:
 * both are credentials.
 */

/** Control characters have no place in an id that goes into a JSON body or a URL path. */
const CONTROL = /[\x00-\x1f\x7f]/;

export function validateRate(field: string, value: unknown, dialect: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_SAMPLE_RATE || value > MAX_SAMPLE_RATE) {
    throw new ConfigError(`${field} must be an integer from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE} (Hz)`, { dialect });
  }
  return value;
}

export function validateAgentId(value: unknown, dialect: string): string {
  if (typeof value !== "string" || value.trim() === "" || CONTROL.test(value) || value.length > 256) {
    throw new ConfigError("agentId must be a non-empty string (at most 256 characters, no control characters)", { dialect });
  }
  return value;
}

export function validateApiKey(value: unknown, dialect: string): string {
  if (typeof value !== "string" || value === "") {
    throw new ConfigError("an apiKey is required (sent as the X-API-Key header of the create-call request)", { dialect });
  }
  if (!isHeaderValueSafe(value)) {
    throw new ConfigError("the apiKey holds characters an HTTP header cannot carry (spaces, control or non-ASCII characters)", { dialect });
  }
  return value;
}

/** The REST origin (and optional path prefix), without a trailing slash. */
export function validateBaseUrl(value: unknown, fallback: string, dialect: string): string {
  return validateUrl(value, { dialect, defaultUrl: fallback, schemes: "http" });
}

export function validateCreatePath(value: unknown, fallback: string, dialect: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !value.startsWith("/") || /[\s?#]/.test(value)) {
    throw new ConfigError("createPath must start with '/' and hold no spaces, query or fragment ('{agentId}' is filled in)", { dialect });
  }
  return value;
}

export function validateUrlField(value: unknown, fallback: string, dialect: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || value === "") throw new ConfigError("urlField must be a non-empty string", { dialect });
  return value;
}

/** Ultravox's `clientBufferSizeMs`: a positive whole number of ms. */
export function validateBufferMs(value: unknown, dialect: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    throw new ConfigError("clientBufferSizeMs must be a positive integer (ms)", { dialect });
  }
  return value;
}

/** Extra create-call fields must be a plain object that survives JSON. */
export function validateExtraBody(value: unknown, dialect: string): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new ConfigError("extraBody must be a plain object of extra create-call fields", { dialect });
  }
  try {
    JSON.stringify(value);
  } catch {
    throw new ConfigError("extraBody cannot be serialized as JSON (a cycle or a BigInt)", { dialect });
  }
  return value as Record<string, unknown>;
}

/** A preset is code, but a hand-made one can still be wrong: check its shape before using it. */
export function validatePreset(value: unknown): CallCreatePreset {
  if (value === undefined || value === null) return OMNIA_PRESET;
  const preset = value as Partial<CallCreatePreset>;
  const ok =
    typeof preset === "object" &&
    typeof preset.name === "string" &&
    /^[a-z][a-z0-9-]*$/.test(preset.name) &&
    typeof preset.baseUrl === "string" &&
    typeof preset.createPath === "string" &&
    typeof preset.urlField === "string" &&
    (preset.bodyShape === "omnia" || preset.bodyShape === "ultravox") &&
    Array.isArray(preset.okStatuses) &&
    preset.okStatuses.every((s) => Number.isInteger(s) && s >= 200 && s < 300) &&
    typeof preset.outboundFrameMs === "number" &&
    preset.outboundFrameMs > 0 &&
    (preset.capabilities === undefined || isFlags(preset.capabilities, ["toolCalls", "textInput"])) &&
    (preset.hangUp === undefined || typeof preset.hangUp === "boolean");
  if (!ok) {
    throw new ConfigError(
      "preset must be a CallCreatePreset (name, baseUrl, createPath, urlField, bodyShape omnia|ultravox, 2xx okStatuses, outboundFrameMs; optional capabilities { toolCalls?, textInput? } and hangUp, booleans)",
      { dialect: DIALECT_NAME },
    );
  }
  return { ...(preset as CallCreatePreset), baseUrl: validateBaseUrl(preset.baseUrl, "", preset.name as string) };
}

/** An object whose keys are all among `names`, each a boolean. */
function isFlags(value: unknown, names: readonly string[]): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(value).every(([name, flag]) => names.includes(name) && typeof flag === "boolean");
}
