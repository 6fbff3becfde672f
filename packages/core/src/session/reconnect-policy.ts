import type { InboundEvent } from "../events/inbound.js";

/** `connect(dialect, { reconnect })`: what to do when a live connection drops. */
export interface ReconnectOptions {
  /** Attempts per drop before the session ends. Default 3. */
  retries?: number;
  /** The wait before attempt n: `initialMs · 2^(n-1)`, at most `maxMs`, ± `jitter` (a fraction). */
  backoff?: { initialMs?: number; maxMs?: number; jitter?: number };
}

/** The policy with its defaults filled in. */
export interface ReconnectPolicy {
  readonly retries: number;
  readonly initialMs: number;
  readonly maxMs: number;
  readonly jitter: number;
}

/** Attempts a dialect with `resumption` gets without a policy: resuming is what the vendor expects. */
export const RESUME_RETRIES = 3;

export function reconnectPolicy(options: ReconnectOptions | undefined, resumable: boolean): ReconnectPolicy | undefined {
  if (options === undefined && !resumable) return undefined;
  const retries = options?.retries ?? RESUME_RETRIES;
  return {
    retries: Number.isInteger(retries) && retries >= 0 ? retries : RESUME_RETRIES,
    initialMs: Math.max(0, options?.backoff?.initialMs ?? 250),
    maxMs: Math.max(0, options?.backoff?.maxMs ?? 5000),
    jitter: Math.min(1, Math.max(0, options?.backoff?.jitter ?? 0.2)),
  };
}

/** The wait before attempt `attempt` (1-based); a resumption's first attempt goes at once. */
export function backoffMs(policy: ReconnectPolicy, attempt: number, resuming: boolean, random: () => number = Math.random): number {
  if (resuming && attempt === 1) return 0;
  const base = Math.min(policy.maxMs, policy.initialMs * 2 ** (attempt - 1));
  return Math.max(0, Math.round(base * (1 + policy.jitter * (2 * random() - 1))));
}

/**
 * Whether a close is one to reconnect after: the dialect classified it retryable (1001, 1006,
 * 1011-1013, a network drop), or the connection ended where the vendor expects a resumption.
 * Auth, protocol and other non-retryable errors end the session.
 */
export function dropIsRetryable(closeEvents: readonly InboundEvent[], resumable: boolean): boolean {
  const errors = closeEvents.filter((event) => event.type === "error");
  if (errors.some((error) => !error.retryable)) return false;
  return errors.length > 0 || resumable;
}
