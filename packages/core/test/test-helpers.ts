// Core's own test helpers. Core is the one package that cannot use @voxwire/test-utils (which
// depends on core), so the two helpers its session tests need are here.
import { expect } from "vitest";
import { VoxwireError } from "../src/errors/voxwire-error.js";
import type { Logger } from "../src/session/logger.js";

/** Awaits `promise`, expects it to reject with a VoxwireError, and returns that error. */
export async function rejection(promise: Promise<unknown>): Promise<VoxwireError> {
  try {
    await promise;
  } catch (error) {
    expect(VoxwireError.isInstance(error)).toBe(true);
    return error as VoxwireError;
  }
  throw new Error("expected a rejection");
}

/** A logger that keeps every line (message and fields) in `lines`, for tests that look for secrets in them. */
export function recordingLogger(lines: string[]): Logger {
  const log = (message: string, fields?: Record<string, unknown>) => lines.push(message + (fields ? JSON.stringify(fields) : ""));
  return { debug: log, info: log, warn: log, error: log };
}

/** Every text an error exposes: message, stack, JSON and the same for its cause chain. */
export function everything(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  while (current instanceof Error) {
    parts.push(current.message, String(current.stack), JSON.stringify(current));
    current = current.cause;
  }
  return parts.join("\n");
}
