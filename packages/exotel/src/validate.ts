import { ConfigError } from "@voxwire/core";
import { DIALECT_NAME, EXOTEL_RATES } from "./wire.js";

export function validateRate(rate: unknown): number {
  const r = rate ?? 8000;
  if (!EXOTEL_RATES.includes(r as number))
    throw new ConfigError(`sampleRate must be one of ${EXOTEL_RATES.join(", ")}, got ${JSON.stringify(r)}`, { dialect: DIALECT_NAME });
  return r as number;
}

export function validatePath(path: unknown): string {
  const p = path ?? "/exotel/media";
  if (typeof p !== "string" || !p.startsWith("/") || p.includes("?"))
    throw new ConfigError(`path must start with "/" and have no query, got ${JSON.stringify(p)}`, { dialect: DIALECT_NAME });
  return p;
}
