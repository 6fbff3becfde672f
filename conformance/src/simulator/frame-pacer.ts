import { performance } from "node:perf_hooks";

export interface FramePacerOptions {
  /** Frame length, ms: one frame leaves every `frameMs` of wall time. */
  frameMs: number;
  /** No pacing: every frame leaves at once (tests). */
  fast: boolean;
  send(frame: Int16Array): void;
}

/**
 * Sends agent audio at real time: frame `i` of a clip leaves at `start + i · frameMs`, scheduled
 * against the clock rather than chained delays, so timer lateness does not accumulate. One timer
 * at most; `stop()` drops what is left at once (barge-in) and `dispose()` releases it for good.
 */
export class FramePacer {
  readonly #options: FramePacerOptions;
  #frames: readonly Int16Array[] = [];
  #next = 0;
  #start = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #onDone: (() => void) | undefined;
  #disposed = false;

  constructor(options: FramePacerOptions) {
    this.#options = options;
  }

  /** True while frames are still waiting to leave. */
  get active(): boolean {
    return this.#next < this.#frames.length;
  }

  /** Plays `frames` (replacing anything still queued); `onDone` runs after the last one left. */
  play(frames: readonly Int16Array[], onDone: () => void): void {
    if (this.#disposed) return;
    this.stop();
    if (this.#options.fast) {
      for (const frame of frames) this.#options.send(frame);
      onDone();
      return;
    }
    this.#frames = frames;
    this.#next = 0;
    this.#start = performance.now();
    this.#onDone = onDone;
    this.#tick();
  }

  /** Drops every frame not yet sent; returns how many. `onDone` does not run. */
  stop(): number {
    const dropped = this.#frames.length - this.#next;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#frames = [];
    this.#next = 0;
    this.#onDone = undefined;
    return dropped;
  }

  dispose(): void {
    this.stop();
    this.#disposed = true;
  }

  #tick(): void {
    this.#timer = undefined;
    const { frameMs, send } = this.#options;
    const due = Math.floor((performance.now() - this.#start) / frameMs);
    while (this.#next < this.#frames.length && this.#next <= due) send(this.#frames[this.#next++]!);
    if (this.#next < this.#frames.length) {
      const wait = this.#start + this.#next * frameMs - performance.now();
      this.#timer = setTimeout(() => this.#tick(), Math.max(0, wait));
      return;
    }
    const done = this.#onDone;
    this.#frames = [];
    this.#next = 0;
    this.#onDone = undefined;
    done?.();
  }
}
