import { monotonicUs, type Stamp } from "./frame-stamp.js";

/** One direction's latencies over a window, in ms, as a receiving process reports them. */
export interface LatencyReport {
  frames: number;
  gaps: number;
  unstamped: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/**
 * Per-frame latencies and sequence gaps seen by one receiving process, for one direction.
 * Preallocated; recording starts when the measurement window opens.
 */
export class LatencyLog {
  #samples: Float64Array;
  #count = 0;
  #recording = false;
  #frames = 0;
  #gaps = 0;
  #unstamped = 0;
  readonly #lastSeq = new Map<number, number>();

  constructor(
    capacity: number,
    private readonly origin: number,
  ) {
    this.#samples = new Float64Array(capacity);
  }

  /** Opens the window: everything counted so far is forgotten. */
  start(): void {
    this.#recording = true;
    this.#count = 0;
    this.#frames = 0;
    this.#gaps = 0;
    this.#unstamped = 0;
  }

  stop(): void {
    this.#recording = false;
  }

  /** A frame arrived (undefined: it carried no stamp). */
  record(stamp: Stamp | undefined): void {
    if (stamp === undefined) {
      if (this.#recording) this.#unstamped++;
      return;
    }
    const last = this.#lastSeq.get(stamp.callId);
    this.#lastSeq.set(stamp.callId, stamp.seq);
    if (!this.#recording) return;
    this.#frames++;
    if (last !== undefined && stamp.seq > last + 1) this.#gaps += stamp.seq - last - 1;
    if (this.#count === this.#samples.length) {
      const grown = new Float64Array(this.#samples.length * 2);
      grown.set(this.#samples);
      this.#samples = grown;
    }
    this.#samples[this.#count++] = (monotonicUs(this.origin) - stamp.sentUs) / 1000;
  }

  report(): LatencyReport {
    const sorted = this.#samples.slice(0, this.#count).sort();
    const at = (q: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    return { frames: this.#frames, gaps: this.#gaps, unstamped: this.#unstamped, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
  }
}
