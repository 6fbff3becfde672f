import type { Dialect, DialectEnv } from "../dialect/current.js";
import { ConfigError } from "../errors/error-classes.js";
import { detectRuntime } from "../util/runtime.js";
import type { SessionOptions } from "./types.js";

/**
 * Spec v2 only adds members, all optional on the codec, so a version 1 dialect runs as a v2 one
 * with the new capabilities off (docs/decisions/0009-dialect-spec-v2.md). Anything else is refused.
 */
export function checkSpecVersion(dialect: Dialect): void {
  const version = (dialect as { specVersion?: unknown }).specVersion;
  if (version !== 2 && version !== 1) {
    throw new ConfigError(`the ${String(dialect.name)} dialect implements spec version ${String(version)}; this runtime speaks versions 1 and 2`, {
      dialect: String(dialect.name),
    });
  }
}

export function environment(options: SessionOptions): DialectEnv {
  const env = { runtime: options.runtime ?? detectRuntime(), now: (options.now ?? Date.now)() };
  return options.agent === undefined ? env : { ...env, agent: options.agent };
}
