import type { DialectEnv } from "@voxwire/core";

/** The environment a codec gets when goldens, fuzzing or a recording drive it without a session. */
export function offlineEnv(overrides: Partial<DialectEnv> = {}): DialectEnv {
  return { runtime: "node", now: Date.now(), ...overrides };
}
