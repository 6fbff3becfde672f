// What the secret-leak tests of every package catch: the error a call throws or a promise
// rejects with, and every text it exposes. Imported by relative path from the other packages.

import { VoxwireError } from "@voxwire/core";
import { expect } from "vitest";

/** Runs `fn`, expects it to throw, and returns what it threw (typed as the caller expects it). */
export function thrown<E = unknown>(fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    return error as E;
  }
  throw new Error("expected a throw");
}

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
