import { AbortedError, TimeoutError } from "../errors/error-classes.js";
import type { VoxwireError } from "../errors/voxwire-error.js";

/** Throws `AbortedError` if the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, dialect: string, step: string): void {
  if (signal?.aborted) throw new AbortedError(`aborted before ${step}`, { dialect, cause: signal.reason });
}

/**
 * Races `work` against the caller's signal and a deadline. `work` gets a signal that fires on
 * either, so it can release what it holds (a fetch, a half-open socket).
 */
export async function withDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  options: { signal: AbortSignal | undefined; timeoutMs: number; dialect: string; step: string },
): Promise<T> {
  const { signal, timeoutMs, dialect, step } = options;
  throwIfAborted(signal, dialect, step);
  const inner = new AbortController();
  let failure: VoxwireError | undefined;
  const stop = (error: VoxwireError) => {
    failure ??= error;
    inner.abort(error);
  };
  const onAbort = () => stop(new AbortedError(`aborted during ${step}`, { dialect, cause: signal?.reason }));
  signal?.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => stop(new TimeoutError(`${step} took longer than ${timeoutMs} ms`, { dialect })), timeoutMs);
  try {
    const result = await Promise.race([
      work(inner.signal),
      new Promise<never>((_, reject) => inner.signal.addEventListener("abort", () => reject(failure), { once: true })),
    ]);
    return result;
  } catch (error) {
    throw failure ?? error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
