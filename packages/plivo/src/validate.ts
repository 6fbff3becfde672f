import { ConfigError } from "@voxwire/core";
import { DIALECT_NAME, PLIVO_CONTENT_TYPES, type PlivoContentType } from "./wire.js";

/** L16 at 8000 (Plivo's default) or 16000 Hz, or μ-law at 8000 Hz. */
export function validateFormat(contentType: unknown, sampleRate: unknown): { contentType: PlivoContentType; sampleRate: number } {
  const c = contentType ?? "audio/x-l16";
  if (typeof c !== "string" || !PLIVO_CONTENT_TYPES.includes(c as PlivoContentType))
    throw new ConfigError(`contentType must be one of ${PLIVO_CONTENT_TYPES.join(", ")}, got ${JSON.stringify(c)}`, { dialect: DIALECT_NAME });
  const rate = sampleRate ?? 8000;
  const allowed = c === "audio/x-mulaw" ? [8000] : [8000, 16000];
  if (!allowed.includes(rate as number))
    throw new ConfigError(`${c} runs at ${allowed.join(" or ")} Hz, got ${JSON.stringify(rate)}`, { dialect: DIALECT_NAME });
  return { contentType: c as PlivoContentType, sampleRate: rate as number };
}

/** A stream path: absolute, no query. */
export function validatePath(path: unknown): string {
  const p = path ?? "/plivo/media";
  if (typeof p !== "string" || !p.startsWith("/") || p.includes("?"))
    throw new ConfigError(`path must start with "/" and have no query, got ${JSON.stringify(p)}`, { dialect: DIALECT_NAME });
  return p;
}
