/**
 * Polls `check` until it returns something other than false/undefined, and resolves with it; after
 * `timeoutMs` it throws naming `what`, so a condition that never holds fails the test instead of
 * hanging it. For state that changes on another socket or process.
 */
export async function pollUntil<T>(
  check: () => T | false | undefined | Promise<T | false | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Resolves once `condition` holds (see `pollUntil`); throws after `timeoutMs`. */
export async function eventually(condition: () => boolean, what = "a condition", timeoutMs = 10_000): Promise<void> {
  await pollUntil(() => condition() || undefined, what, timeoutMs);
}
