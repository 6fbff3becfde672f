import { ConfigError, pcm16ToFloat32 } from "@voxwire/core";

export interface PlaybackRingOptions {
  /** Samples the ring holds; audio past that is refused and counted as an overrun. */
  capacity: number;
  /**
   * Samples to gather before a new stretch of audio starts playing (a jitter cushion), at most
   * this long a wait: a stretch shorter than the cushion still plays once the wait is over.
   */
  prebufferSamples: number;
  /**
   * A dry spell at most this long that ends with more audio is an underrun (a gap inside
   * speech); a longer one is a pause between utterances and starts a new one.
   */
  underrunGapSamples: number;
}

/** The ring's counters, in samples at the context's rate. Plain data. */
export interface PlaybackCounters {
  /** Agent samples rendered so far: what was actually heard. */
  playedSamples: number;
  /** Samples waiting to be rendered. */
  queuedSamples: number;
  /** Samples accepted into the ring so far. */
  enqueuedSamples: number;
  /** Samples rendered so far, silence included: the ring's clock. */
  renderedSamples: number;
  /** Gaps inside speech: the ring ran dry and more audio came within the underrun gap. */
  underruns: number;
  /** Writes that did not fit whole; their excess is dropped and counted in `droppedSamples`. */
  overruns: number;
  droppedSamples: number;
  /** `clear()` calls, and the samples they dropped (all of them, and the last one's). */
  clears: number;
  clearedSamples: number;
  lastClearedSamples: number;
  /** Samples played of the current (or, right after a clear, the interrupted) utterance. */
  utterancePlayedSamples: number;
}

type RingState = "idle" | "buffering" | "playing" | "starved";

/**
 * Agent audio waiting to be played: one preallocated Float32Array with a read index and a size.
 * `clear()` is O(1) (the read index jumps to the write index) and `read()` allocates nothing, so
 * both can run on the audio thread; the playback worklet applies a clear between two render
 * quanta, so nothing queued before it is rendered after it.
 */
export class PlaybackRing {
  readonly capacity: number;
  readonly #buffer: Float32Array;
  readonly #prebuffer: number;
  readonly #gap: number;
  #read = 0;
  #size = 0;
  #state: RingState = "idle";
  #holdUntil = 0;
  #starvedAt = 0;
  #played = 0;
  #enqueued = 0;
  #rendered = 0;
  #underruns = 0;
  #overruns = 0;
  #dropped = 0;
  #clears = 0;
  #cleared = 0;
  #lastCleared = 0;
  #utterancePlayed = 0;

  constructor(options: PlaybackRingOptions) {
    const { capacity, prebufferSamples, underrunGapSamples } = options;
    if (!Number.isInteger(capacity) || capacity < 1) throw new ConfigError(`the playback ring needs a positive integer capacity, got ${capacity}`);
    if (!(prebufferSamples >= 0) || !(underrunGapSamples >= 0)) {
      throw new ConfigError("the playback ring's prebuffer and underrun gap must be ≥ 0 samples");
    }
    this.capacity = capacity;
    this.#buffer = new Float32Array(capacity);
    this.#prebuffer = Math.min(Math.floor(prebufferSamples), capacity);
    this.#gap = underrunGapSamples;
  }

  get queuedSamples(): number {
    return this.#size;
  }

  /** Queues PCM16 samples (or floats in [−1, 1]); returns how many fit. */
  write(samples: Int16Array | Float32Array): number {
    const n = samples.length;
    if (n === 0) return 0;
    this.#startStretch();
    const take = Math.min(n, this.capacity - this.#size);
    if (take < n) {
      this.#overruns++;
      this.#dropped += n - take;
    }
    const start = (this.#read + this.#size) % this.capacity;
    const first = Math.min(take, this.capacity - start);
    this.#copyIn(samples, 0, first, start);
    this.#copyIn(samples, first, take - first, 0);
    this.#size += take;
    this.#enqueued += take;
    return take;
  }

  /** Fills `out` with the next samples (silence where there are none); returns the agent samples rendered. */
  read(out: Float32Array): number {
    const n = out.length;
    if (this.#state === "buffering" && (this.#size >= this.#prebuffer || this.#rendered >= this.#holdUntil)) this.#state = "playing";
    let take = 0;
    if (this.#state === "playing") {
      take = Math.min(n, this.#size);
      // Index loops rather than subarray copies: nothing is allocated on the audio thread.
      const buffer = this.#buffer;
      const capacity = this.capacity;
      let r = this.#read;
      for (let i = 0; i < take; i++) {
        out[i] = buffer[r]!;
        if (++r === capacity) r = 0;
      }
      this.#read = r;
      this.#size -= take;
      this.#played += take;
      this.#utterancePlayed += take;
      if (take < n) {
        this.#state = "starved";
        this.#starvedAt = this.#rendered + take;
      }
    }
    if (take < n) out.fill(0, take);
    this.#rendered += n;
    return take;
  }

  /** Barge-in: drops everything queued at once; returns how many samples were dropped. */
  clear(): number {
    const dropped = this.#size;
    this.#read = (this.#read + this.#size) % this.capacity;
    this.#size = 0;
    this.#state = "idle";
    this.#clears++;
    this.#cleared += dropped;
    this.#lastCleared = dropped;
    return dropped;
  }

  /** The counters now, as a fresh plain object. */
  counters(): PlaybackCounters {
    return {
      playedSamples: this.#played,
      queuedSamples: this.#size,
      enqueuedSamples: this.#enqueued,
      renderedSamples: this.#rendered,
      underruns: this.#underruns,
      overruns: this.#overruns,
      droppedSamples: this.#dropped,
      clears: this.#clears,
      clearedSamples: this.#cleared,
      lastClearedSamples: this.#lastCleared,
      utterancePlayedSamples: this.#utterancePlayed,
    };
  }

  /** Audio arrives: decides whether it continues the stretch, follows an underrun, or starts a new utterance. */
  #startStretch(): void {
    const state = this.#state;
    if (state === "buffering" || state === "playing") return;
    if (state === "starved" && this.#rendered - this.#starvedAt <= this.#gap) this.#underruns++;
    else this.#utterancePlayed = 0;
    this.#state = "buffering";
    this.#holdUntil = this.#rendered + this.#prebuffer;
  }

  #copyIn(samples: Int16Array | Float32Array, from: number, count: number, at: number): void {
    if (count <= 0) return;
    const target = this.#buffer.subarray(at, at + count);
    if (samples instanceof Int16Array) {
      pcm16ToFloat32(samples.subarray(from, from + count), target);
      return;
    }
    // Floats are clamped to [−1, 1] and NaN becomes silence, so the speakers never get garbage.
    for (let i = 0; i < count; i++) {
      const v = samples[from + i]!;
      target[i] = v > 1 ? 1 : v < -1 ? -1 : Number.isNaN(v) ? 0 : v;
    }
  }
}
