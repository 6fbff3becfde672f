import type { ResamplerDesign } from "./resampler-design.js";

/*
 * Frequency-domain figures of a polyphase design, for the quality tests and the benchmark.
 * The phases interleaved (g[r + jL]) form the prototype low-pass at L × fromRate; its response,
 * divided by L, is the gain of the whole resampler for each input frequency, so its worst
 * stopband value is the worst alias/image rejection.
 */

export interface DesignResponse {
  /** Largest |gain| deviation from 0 dB over [0, passbandEdge × lower Nyquist], in dB. */
  passbandDeviationDb: number;
  /** Worst stopband gain over [stopbandEdge × lower Nyquist, L × fromRate / 2], in dB (negative). */
  stopbandGainDb: number;
  /** Gain at the lower Nyquist frequency, in dB. */
  nyquistGainDb: number;
}

/** In-place radix-2 FFT of (re, im), length a power of two. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; (j & bit) !== 0; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const angle = (-2 * Math.PI) / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = start + k;
        const b = a + half;
        const tr = re[b]! * wr - im[b]! * wi;
        const ti = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
}

/** Evaluates a design's passband and stopband with a zero-padded FFT of its prototype. */
export function analyseDesign(
  design: ResamplerDesign,
  passbandEdge: number,
  stopbandEdge: number,
  minBins = 1 << 16,
  oversampling = 8,
): DesignResponse {
  const { phases, taps, coefficients } = design;
  const length = phases * taps;
  let size = 1;
  while (size < Math.max(minBins, oversampling * length)) size <<= 1;
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let r = 0; r < phases; r++) {
    // Tap j of phase r sits at prototype index r + (taps - 1 - j) × phases (newest tap first).
    for (let j = 0; j < taps; j++) re[r + (taps - 1 - j) * phases] = coefficients[r * taps + j]!;
  }
  fft(re, im);
  const highRate = phases * design.fromRate;
  const lowerNyquist = Math.min(design.fromRate, design.toRate) / 2;
  const binHz = highRate / size;
  let passband = 0;
  let stopband = -Infinity;
  let nyquist = 0;
  for (let k = 0; k <= size / 2; k++) {
    const f = k * binHz;
    const gainDb = 10 * Math.log10((re[k]! ** 2 + im[k]! ** 2) / (phases * phases) + 1e-300);
    if (f <= passbandEdge * lowerNyquist) passband = Math.max(passband, Math.abs(gainDb));
    if (f >= stopbandEdge * lowerNyquist) stopband = Math.max(stopband, gainDb);
    if (Math.abs(f - lowerNyquist) <= binHz / 2) nyquist = gainDb;
  }
  return { passbandDeviationDb: passband, stopbandGainDb: stopband, nyquistGainDb: nyquist };
}

export interface ToneFit {
  /** Fitted amplitude of the tone at the given frequency. */
  amplitude: number;
  /** Fitted phase of the tone, radians (sine phase at sample 0). */
  phase: number;
  /** Power of everything else relative to the fitted tone, in dB (negative: the SNR, negated). */
  residualDb: number;
  /** RMS of the samples, for tones expected to vanish. */
  rms: number;
}

/** Least-squares fit of A·sin(2π f n / rate + φ) to samples[start, end). */
export function fitTone(samples: ArrayLike<number>, frequency: number, rate: number, start: number, end: number): ToneFit {
  const w = (2 * Math.PI * frequency) / rate;
  let ss = 0;
  let cc = 0;
  let sc = 0;
  let ys = 0;
  let yc = 0;
  let yy = 0;
  for (let n = start; n < end; n++) {
    const s = Math.sin(w * n);
    const c = Math.cos(w * n);
    const y = samples[n]!;
    ss += s * s;
    cc += c * c;
    sc += s * c;
    ys += y * s;
    yc += y * c;
    yy += y * y;
  }
  const det = ss * cc - sc * sc;
  const a = (ys * cc - yc * sc) / det; // sin coefficient
  const b = (yc * ss - ys * sc) / det; // cos coefficient
  const fitted = a * ys + b * yc; // energy explained by the fit
  // The residual summed directly: yy − fitted would lose everything below ~140 dB to rounding.
  let residual = 0;
  for (let n = start; n < end; n++) {
    const e = samples[n]! - a * Math.sin(w * n) - b * Math.cos(w * n);
    residual += e * e;
  }
  return {
    amplitude: Math.hypot(a, b),
    phase: Math.atan2(b, a),
    residualDb: 10 * Math.log10(residual / Math.max(fitted, 1e-300) + 1e-30),
    rms: Math.sqrt(yy / Math.max(end - start, 1)),
  };
}

/** A sine of `amplitude` at `frequency`, `length` samples at `rate`, as floats. */
export function sine(frequency: number, rate: number, length: number, amplitude = 0.5, phase = 0): Float32Array {
  const out = new Float32Array(length);
  const w = (2 * Math.PI * frequency) / rate;
  for (let n = 0; n < length; n++) out[n] = amplitude * Math.sin(w * n + phase);
  return out;
}
