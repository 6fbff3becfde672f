import { ConfigError } from "@voxwire/core";
import { DIALECT_NAME, TELNYX_CODECS, TELNYX_L16_RATES, type TelnyxCodec } from "./wire.js";

/** The codec and rate a leg is set up for: G.711 at 8 kHz, or L16 at 8, 16 or 24 kHz. */
export function validateFormat(codec: unknown, sampleRate: unknown): { codec: TelnyxCodec; sampleRate: number } {
  const c = codec ?? "PCMU";
  if (typeof c !== "string" || !TELNYX_CODECS.includes(c as TelnyxCodec))
    throw new ConfigError(`codec must be one of ${TELNYX_CODECS.join(", ")}, got ${JSON.stringify(c)}`, { dialect: DIALECT_NAME });
  const rate = sampleRate ?? (c === "L16" ? 16000 : 8000);
  if (c !== "L16" && rate !== 8000) throw new ConfigError(`${c} is 8000 Hz only, got ${JSON.stringify(rate)}`, { dialect: DIALECT_NAME });
  if (c === "L16" && !TELNYX_L16_RATES.includes(rate as number))
    throw new ConfigError(`L16 runs at ${TELNYX_L16_RATES.join(", ")} Hz, got ${JSON.stringify(rate)}`, { dialect: DIALECT_NAME });
  return { codec: c as TelnyxCodec, sampleRate: rate as number };
}

/** A stream path: absolute, no query. */
export function validatePath(path: unknown): string {
  const p = path ?? "/telnyx/media";
  if (typeof p !== "string" || !p.startsWith("/") || p.includes("?"))
    throw new ConfigError(`path must start with "/" and have no query, got ${JSON.stringify(p)}`, { dialect: DIALECT_NAME });
  return p;
}
