/** Frames quieter than this (RMS, dBFS) are not counted: silence has no frequency. */
export const TONE_METER_FLOOR_DBFS = -35;

/**
 * The frequency of a steady tone, measured from the audio itself in a stream of frames:
 * positive-going zero crossings per second over the frames loud enough to count. A 440 Hz tone
 * sent at the wrong rate (a dialect that declares 16 kHz and sends 24 kHz) reads as 293 Hz or
 * 660 Hz here. Cheap enough for every frame a simulator receives.
 */
export class ToneMeter {
  readonly #sampleRate: number;
  readonly #floor = 32768 * 10 ** (TONE_METER_FLOOR_DBFS / 20);
  #crossings = 0;
  #loudSamples = 0;
  #last = 0;

  constructor(sampleRate: number) {
    this.#sampleRate = sampleRate;
  }

  push(samples: Int16Array): void {
    if (samples.length === 0) return;
    let energy = 0;
    for (let i = 0; i < samples.length; i++) energy += samples[i]! * samples[i]!;
    const loud = Math.sqrt(energy / samples.length) >= this.#floor;
    let previous = this.#last;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      if (loud && previous < 0 && s >= 0) this.#crossings++;
      previous = s;
    }
    this.#last = previous;
    if (loud) this.#loudSamples += samples.length;
  }

  /** Seconds of audio loud enough to count. */
  get loudSeconds(): number {
    return this.#loudSamples / this.#sampleRate;
  }

  /** The measured frequency in Hz, or undefined before 100 ms of loud audio. */
  get hz(): number | undefined {
    return this.loudSeconds >= 0.1 ? this.#crossings / this.loudSeconds : undefined;
  }
}

/** The frequency of a whole signal (see ToneMeter); undefined when it is too quiet or short. */
export function measureTone(samples: Int16Array, sampleRate: number, frameSamples = Math.round(sampleRate / 50)): number | undefined {
  const meter = new ToneMeter(sampleRate);
  for (let i = 0; i < samples.length; i += frameSamples) meter.push(samples.subarray(i, i + frameSamples));
  return meter.hz;
}
