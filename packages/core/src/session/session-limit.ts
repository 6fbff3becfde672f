/** A limit shorter than twice this gets its warning halfway instead. */
const WARN_BEFORE_MS = 60_000;

/**
 * When to warn of a connection limit the dialect knows (`ConnectPlan.maxSessionMs`): a minute
 * before it, or halfway through a limit under two minutes. Returns the delay from the open and
 * the `inMs` the warning carries.
 */
export function sessionLimitWarning(maxSessionMs: number): { afterMs: number; inMs: number } {
  const inMs = Math.min(WARN_BEFORE_MS, maxSessionMs / 2);
  return { afterMs: maxSessionMs - inMs, inMs };
}
