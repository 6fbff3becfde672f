/** Frames quieter than this (RMS, dBFS) are not counted: silence has no frequency. */
export const TONE_METER_FLOOR_DBFS = -35;

/**
 * The frequency of a steady tone, measured from the audio itself in a stream of frames: periods
 * between rising crossings per second, over the frames loud enough to count. A 440 Hz tone sent at
 * the wrong rate (a dialect that declares 16 kHz and sends 24 kHz) reads as 293 Hz or 660 Hz here.
 * Cheap enough for every frame a simulator receives.
 *
 * Two things a microphone starting in bursts (headless Chromium's does) would otherwise skew:
 * a crossing counts only from below −floor to above +floor, so the quiet samples alternating in
 * sign where a band-limited resampler rings at an abrupt edge are not periods (counted, they read
 * a 440 Hz tone as 450–500 Hz); and an interval over twice the one before spans a gap, not a
 * period, so it is left out (counted, gaps read the tone low).
 */
export class ToneMeter {
  readonly #sampleRate: number;
  readonly #floor = 32768 * 10 ** (TONE_METER_FLOOR_DBFS / 20);
  #loudSamples = 0;
  #periods = 0;
  #periodSamples = 0;
  /** Samples pushed so far: the position of the next one. */
  #position = 0;
  #last = 0;
  /** Whether the signal has been below −floor since the last crossing. */
  #armed = false;
  /** Where the last crossing in loud audio was (fractional samples), or −1 after a quiet frame. */
  #lastCrossing = -1;
  #lastInterval = 0;

  constructor(sampleRate: number) {
    this.#sampleRate = sampleRate;
  }

  push(samples: Int16Array): void {
    if (samples.length === 0) return;
    let energy = 0;
    for (let i = 0; i < samples.length; i++) energy += samples[i]! * samples[i]!;
    const loud = Math.sqrt(energy / samples.length) >= this.#floor;
    const floor = this.#floor;
    let armed = this.#armed;
    let previous = this.#last;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i]!;
      if (s < -floor) armed = true;
      else if (armed && s > floor) {
        armed = false;
        if (loud) this.#crossing(this.#position + i - 1 + (floor - previous) / (s - previous));
      }
      previous = s;
    }
    this.#armed = armed;
    this.#last = previous;
    this.#position += samples.length;
    if (loud) this.#loudSamples += samples.length;
    else this.#lastCrossing = -1;
  }

  #crossing(at: number): void {
    if (this.#lastCrossing >= 0) {
      const interval = at - this.#lastCrossing;
      if (this.#lastInterval === 0 || interval <= 2 * this.#lastInterval) {
        this.#periods++;
        this.#periodSamples += interval;
      }
      this.#lastInterval = interval;
    }
    this.#lastCrossing = at;
  }

  /** Seconds of audio loud enough to count. */
  get loudSeconds(): number {
    return this.#loudSamples / this.#sampleRate;
  }

  /** The measured frequency in Hz, or undefined before 100 ms of loud audio with a period in it. */
  get hz(): number | undefined {
    if (this.loudSeconds < 0.1 || this.#periods === 0) return undefined;
    return (this.#periods * this.#sampleRate) / this.#periodSamples;
  }
}

/** The frequency of a whole signal (see ToneMeter); undefined when it is too quiet or short. */
export function measureTone(samples: Int16Array, sampleRate: number, frameSamples = Math.round(sampleRate / 50)): number | undefined {
  const meter = new ToneMeter(sampleRate);
  for (let i = 0; i < samples.length; i += frameSamples) meter.push(samples.subarray(i, i + frameSamples));
  return meter.hz;
}
