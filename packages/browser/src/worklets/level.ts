/** Loudness of a stretch of audio, full scale = 1. */
export interface Level {
  /** Largest absolute sample. */
  peak: number;
  /** Root mean square. */
  rms: number;
}

/** A silent stretch. */
export const SILENCE: Readonly<Level> = Object.freeze({ peak: 0, rms: 0 });

/**
 * Accumulates peak and RMS over samples until `take()`; allocation-free until then, so it can
 * run inside an AudioWorklet's `process()`.
 */
export class LevelMeter {
  #peak = 0;
  #sumSquares = 0;
  #count = 0;

  /** Floats in [−1, 1]. */
  addFloat32(samples: Float32Array): void {
    let peak = this.#peak;
    let sum = 0;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i]!;
      const a = v < 0 ? -v : v;
      if (a > peak) peak = a;
      sum += v * v;
    }
    this.#peak = peak;
    this.#sumSquares += sum;
    this.#count += samples.length;
  }

  /** PCM16 samples. */
  addInt16(samples: Int16Array): void {
    let peak = this.#peak * 32768;
    let sum = 0;
    for (let i = 0; i < samples.length; i++) {
      const v = samples[i]!;
      const a = v < 0 ? -v : v;
      if (a > peak) peak = a;
      sum += v * v;
    }
    this.#peak = peak / 32768;
    this.#sumSquares += sum / (32768 * 32768);
    this.#count += samples.length;
  }

  /** The level since the last take (silence when nothing was added), then starts over. */
  take(): Level {
    const level = this.#count === 0 ? { peak: 0, rms: 0 } : { peak: this.#peak, rms: Math.sqrt(this.#sumSquares / this.#count) };
    this.#peak = 0;
    this.#sumSquares = 0;
    this.#count = 0;
    return level;
  }
}
