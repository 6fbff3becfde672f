import type { PacingScheduler, Tickable } from "./pacing-scheduler.js";

/**
 * The ledger's marks for a carrier that acknowledges no playback: each mark is "heard" when the
 * pacing clock says the audio before it has played (it was sent with `leadMs` queued ahead of
 * it, and the carrier plays at real time). A clear drops every mark not yet due. One wake-up at a
 * time on the shared scheduler; none after `dispose()`.
 */
export class EstimatedPlayback implements Tickable {
  readonly #scheduler: PacingScheduler;
  readonly #heard: (name: string) => void;
  /** Marks in send order with the monotonic time each is due; due times never decrease. */
  readonly #names: string[] = [];
  readonly #due: number[] = [];
  #head = 0;
  #disposed = false;

  constructor(scheduler: PacingScheduler, heard: (name: string) => void) {
    this.#scheduler = scheduler;
    this.#heard = heard;
  }

  /** A mark whose audio finishes playing `inMs` from now. */
  add(name: string, inMs: number): void {
    if (this.#disposed) return;
    const at = this.#scheduler.now() + Math.max(0, inMs);
    this.#names.push(name);
    this.#due.push(at);
    if (this.#names.length - this.#head === 1) this.#scheduler.wake(this, at);
  }

  /** Resolves what is due by now (a barge-in reads the ledger right after), then forgets the rest. */
  clear(): void {
    this.tick(this.#scheduler.now());
    this.#names.length = 0;
    this.#due.length = 0;
    this.#head = 0;
    this.#scheduler.cancel(this);
  }

  tick(now: number): void {
    while (this.#head < this.#names.length && this.#due[this.#head]! <= now) {
      const name = this.#names[this.#head]!;
      this.#head++;
      this.#heard(name);
      if (this.#disposed) return;
    }
    if (this.#head === this.#names.length) {
      this.#names.length = 0;
      this.#due.length = 0;
      this.#head = 0;
      this.#scheduler.cancel(this);
    } else {
      this.#scheduler.wake(this, this.#due[this.#head]!);
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#names.length = 0;
    this.#due.length = 0;
    this.#head = 0;
    this.#scheduler.cancel(this);
  }
}
