/** The range a spectrum covers by default: the tone, its harmonics and speech's first formants. */
export const SPECTRUM_MAX_HZ = 2000;
export const SPECTRUM_BINS = 128;
/** Levels below this are shown as this (dBFS). */
export const SPECTRUM_FLOOR_DB = -100;

export interface MagnitudeSpectrum {
  readonly stepHz: number;
  /** dBFS at `i × stepHz` (a full-scale sine reads 0), rounded to 0.1 dB. */
  readonly db: number[];
  /** The strongest frequency, interpolated between its neighbouring bins. */
  readonly peakHz: number;
}

/**
 * A small magnitude spectrum of PCM16 audio: a Goertzel filter at each of `bins` frequencies
 * from 0 to `maxHz`, over Hann-windowed segments as long as one bin is wide (so a tone between
 * two bins still shows), their power averaged (Welch). Undefined for audio shorter than one
 * segment. Test tooling: it runs once per report, after the call, on at most a few seconds.
 */
export function magnitudeSpectrum(
  samples: Int16Array,
  sampleRate: number,
  { maxHz = Math.min(SPECTRUM_MAX_HZ, sampleRate / 2), bins = SPECTRUM_BINS }: { maxHz?: number; bins?: number } = {},
): MagnitudeSpectrum | undefined {
  const stepHz = maxHz / bins;
  const size = Math.round(sampleRate / stepHz);
  if (samples.length < size || size < 8) return undefined;
  const window = new Float64Array(size);
  let windowSum = 0;
  for (let i = 0; i < size; i++) {
    window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1));
    windowSum += window[i]!;
  }
  const hop = Math.max(1, Math.floor(size / 2));
  const power = new Float64Array(bins + 1);
  let segments = 0;
  const segment = new Float64Array(size);
  for (let start = 0; start + size <= samples.length; start += hop) {
    for (let i = 0; i < size; i++) segment[i] = (samples[start + i]! / 32768) * window[i]!;
    for (let k = 0; k <= bins; k++) {
      const coefficient = 2 * Math.cos((2 * Math.PI * k * stepHz) / sampleRate);
      let s1 = 0;
      let s2 = 0;
      for (let i = 0; i < size; i++) {
        const s0 = segment[i]! + coefficient * s1 - s2;
        s2 = s1;
        s1 = s0;
      }
      power[k]! += s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
    segments++;
  }
  // A sine of amplitude A reads |X| = A × Σw / 2: scale so a full-scale sine is 0 dBFS.
  const db = Array.from(power, (p) => {
    const amplitude = (2 * Math.sqrt(Math.max(0, p) / segments)) / windowSum;
    const level = amplitude > 0 ? 20 * Math.log10(amplitude) : SPECTRUM_FLOOR_DB;
    return Math.round(Math.max(SPECTRUM_FLOOR_DB, level) * 10) / 10;
  });
  let best = 1;
  for (let k = 1; k < db.length; k++) if (db[k]! > db[best]!) best = k;
  const left = db[best - 1] ?? db[best]!;
  const right = db[best + 1] ?? db[best]!;
  const curve = left - 2 * db[best]! + right;
  const offset = curve < 0 ? (0.5 * (left - right)) / curve : 0;
  return { stepHz, db, peakHz: Math.round((best + offset) * stepHz * 10) / 10 };
}
