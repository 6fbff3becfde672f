import { ConfigError } from "@voxwire/core";
import { DIALECT_NAME, VONAGE_RATES } from "./wire.js";

export function validateRate(rate: unknown): number {
  const r = rate ?? 16000;
  if (!VONAGE_RATES.includes(r as number))
    throw new ConfigError(`sampleRate must be one of ${VONAGE_RATES.join(", ")}, got ${JSON.stringify(r)}`, { dialect: DIALECT_NAME });
  return r as number;
}

export function validatePath(path: unknown): string {
  const p = path ?? "/vonage/media";
  if (typeof p !== "string" || !p.startsWith("/") || p.includes("?"))
    throw new ConfigError(`path must start with "/" and have no query, got ${JSON.stringify(p)}`, { dialect: DIALECT_NAME });
  return p;
}
