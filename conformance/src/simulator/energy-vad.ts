/** Windows whose RMS level reaches this many dBFS count as speech (a quiet room is below −55). */
export const VAD_THRESHOLD_DBFS = -40;
/** Consecutive speech windows that start an utterance (40 ms: a click does not). */
export const VAD_ONSET_MS = 40;
/** Silence that ends an utterance. */
export const VAD_HANGOVER_MS = 600;
/** Analysis window. */
export const VAD_WINDOW_MS = 20;

export interface VadOptions {
  sampleRate: number;
  thresholdDbfs?: number;
  silenceMs?: number;
}

export type VadEvent =
  /** `atMs`: where the utterance began, in audio time since the first sample. */
  | { type: "speech-start"; atMs: number }
  /** `atMs`: when the silence confirmed the end; `startMs`/`durationMs`: the first to the last speech window. */
  | { type: "speech-end"; atMs: number; startMs: number; durationMs: number };

/**
 * Energy voice activity detection on the user's audio, in audio time (samples received), not
 * wall time: the result is the same whether a client streams in real time or as fast as it can.
 * RMS per 20 ms window against a fixed threshold; 40 ms of speech starts an utterance and 600 ms
 * of silence ends it.
 */
export class EnergyVad {
  readonly #window: Int16Array;
  readonly #threshold: number;
  readonly #onsetWindows: number;
  readonly #hangoverWindows: number;
  #filled = 0;
  #windows = 0;
  #speaking = false;
  #voicedRun = 0;
  #silentRun = 0;
  #startWindow = 0;
  #lastVoicedWindow = 0;

  constructor(options: VadOptions) {
    this.#window = new Int16Array(Math.max(1, Math.round((options.sampleRate * VAD_WINDOW_MS) / 1000)));
    this.#threshold = 10 ** ((options.thresholdDbfs ?? VAD_THRESHOLD_DBFS) / 20);
    this.#onsetWindows = Math.ceil(VAD_ONSET_MS / VAD_WINDOW_MS);
    this.#hangoverWindows = Math.ceil((options.silenceMs ?? VAD_HANGOVER_MS) / VAD_WINDOW_MS);
  }

  /** Audio time so far, ms (whole windows). */
  get timeMs(): number {
    return this.#windows * VAD_WINDOW_MS;
  }

  get speaking(): boolean {
    return this.#speaking;
  }

  /** Feeds samples; calls `emit` for each utterance start and end they complete. */
  push(samples: Int16Array, emit: (event: VadEvent) => void): void {
    const window = this.#window;
    for (let i = 0; i < samples.length; ) {
      const take = Math.min(window.length - this.#filled, samples.length - i);
      window.set(samples.subarray(i, i + take), this.#filled);
      this.#filled += take;
      i += take;
      if (this.#filled === window.length) {
        this.#filled = 0;
        this.#step(rms(window) >= this.#threshold, emit);
      }
    }
  }

  #step(voiced: boolean, emit: (event: VadEvent) => void): void {
    const index = this.#windows++;
    if (voiced) {
      this.#voicedRun++;
      this.#silentRun = 0;
      this.#lastVoicedWindow = index;
      if (!this.#speaking && this.#voicedRun >= this.#onsetWindows) {
        this.#speaking = true;
        this.#startWindow = index - this.#voicedRun + 1;
        emit({ type: "speech-start", atMs: this.#startWindow * VAD_WINDOW_MS });
      }
      return;
    }
    this.#voicedRun = 0;
    if (!this.#speaking) return;
    if (++this.#silentRun >= this.#hangoverWindows) {
      this.#speaking = false;
      this.#silentRun = 0;
      emit({
        type: "speech-end",
        atMs: (index + 1) * VAD_WINDOW_MS,
        startMs: this.#startWindow * VAD_WINDOW_MS,
        durationMs: (this.#lastVoicedWindow - this.#startWindow + 1) * VAD_WINDOW_MS,
      });
    }
  }
}

/** Root mean square of a window, as a fraction of full scale. */
function rms(window: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < window.length; i++) {
    const s = window[i]! / 32768;
    sum += s * s;
  }
  return Math.sqrt(sum / window.length);
}
