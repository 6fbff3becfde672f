import type { DialectEnv } from "@voxwire/core";

/** The environment a test hands a codec it drives by hand: Node, now, optionally an agent config. */
export function codecEnv(overrides: Partial<DialectEnv> = {}): DialectEnv {
  return { runtime: "node", now: Date.now(), ...overrides };
}
