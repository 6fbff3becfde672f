import { ConfigError, type Logger } from "@voxwire/core";
import type { PhoneBridge } from "../bridge.js";

/** The drain timeout when none is given: long enough for most calls to end, short of common grace periods. */
export const DEFAULT_DRAIN_TIMEOUT_MS = 30_000;

export interface DrainOptions {
  /** How long live calls may go on, ms (default 30 000); the rest are then ended ("draining"). */
  timeoutMs?: number;
}

export interface DrainResult {
  /** Calls that ended on their own during the drain. */
  readonly completed: number;
  /** Calls still up at the deadline, ended by the drain. */
  readonly ended: number;
}

/**
 * Lets the live calls finish, up to `timeoutMs`, then ends the stragglers on both legs (the agent
 * session closed, the carrier's stream closed and its hang-up hook run), each logged. `live` is
 * read again as calls end, so a stream that became a call during the drain is counted too.
 */
export async function drainCalls(live: () => readonly PhoneBridge[], options: DrainOptions, log: Logger): Promise<DrainResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  if (!(timeoutMs >= 0) || !Number.isFinite(timeoutMs)) throw new ConfigError(`drain timeoutMs must be a finite number ≥ 0, got ${timeoutMs}`);
  log.info(`draining: ${live().length} live call(s), up to ${timeoutMs} ms`);
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve();
    }, timeoutMs);
  });
  let completed = 0;
  for (let calls = live(); calls.length > 0 && !timedOut; calls = live()) {
    await Promise.race([deadline, ...calls.map((call) => call.ended)]);
    for (const call of calls) if (!live().includes(call)) completed++;
  }
  clearTimeout(timer);
  const stragglers = [...live()];
  for (const call of stragglers) log.warn(`draining: call ${call.call?.callId || "(not started)"} outlasted the drain timeout; ending it`);
  await Promise.all(stragglers.map((call) => call.close("drain_timeout", "draining")));
  log.info(`drained: ${completed} call(s) ended on their own, ${stragglers.length} ended at the deadline`);
  return { completed, ended: stragglers.length };
}
