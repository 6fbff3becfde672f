/**
 * Resolves on SIGINT/SIGTERM, or when `signal` aborts (tests and embedding callers); `cancel`
 * unhooks. A long-running command hooks it before printing its first line: a caller may signal
 * as soon as it reads it.
 */
export function stopRequested(signal: AbortSignal | undefined): { promise: Promise<void>; cancel(): void } {
  let unhook = () => {};
  const promise = new Promise<void>((resolve) => {
    const stop = () => {
      unhook();
      resolve();
    };
    if (signal) {
      if (signal.aborted) return resolve();
      signal.addEventListener("abort", stop, { once: true });
      unhook = () => signal.removeEventListener("abort", stop);
      return;
    }
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    unhook = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    };
  });
  return { promise, cancel: () => unhook() };
}
