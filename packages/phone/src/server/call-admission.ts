/** Why a new call is refused, or undefined when it may start. */
export type Refusal = "draining" | "at_capacity";

/** What `/readyz` reports. */
export interface Readiness {
  readonly ready: boolean;
  readonly draining: boolean;
  readonly liveCalls: number;
  /** `null` when there is no cap. */
  readonly maxCalls: number | null;
}

/**
 * Whether this process takes another call: not while draining, not at `maxCalls` (live calls and
 * streams still being identified both count, so a burst cannot overshoot the cap). A refused
 * call is never a live one: the cap is checked before the upgrade, and nothing live is touched.
 */
export class CallAdmission {
  readonly #maxCalls: number | undefined;
  readonly #inUse: () => number;
  #draining = false;

  constructor(maxCalls: number | undefined, inUse: () => number) {
    this.#maxCalls = maxCalls;
    this.#inUse = inUse;
  }

  get draining(): boolean {
    return this.#draining;
  }

  /** From now on no new call is admitted and readiness fails; there is no way back (a drain ends in a close). */
  startDraining(): void {
    this.#draining = true;
  }

  refusal(): Refusal | undefined {
    if (this.#draining) return "draining";
    if (this.#maxCalls !== undefined && this.#inUse() >= this.#maxCalls) return "at_capacity";
    return undefined;
  }

  readiness(): Readiness {
    const liveCalls = this.#inUse();
    return { ready: this.refusal() === undefined, draining: this.#draining, liveCalls, maxCalls: this.#maxCalls ?? null };
  }
}
