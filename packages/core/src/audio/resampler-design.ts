import { ConfigError } from "../errors/error-classes.js";
import type { ResamplerQuality } from "./resampler-types.js";

/*
 * Polyphase filter design: a Kaiser-windowed sinc, sampled at the L phases of the rational
 * ratio L/M = toRate/fromRate. Band edges are fractions of the LOWER Nyquist frequency; the
 * transition band straddles it, so an alias or image can only land in the transition band,
 * never in the passband. Each phase is normalised to unit DC gain, so a constant input gives a
 * constant output (no ripple at the phase rate).
 */

export interface ResamplerPreset {
  /** Passband edge, as a fraction of the lower Nyquist frequency. */
  passbandEdge: number;
  /** Stopband edge, as a fraction of the lower Nyquist frequency. */
  stopbandEdge: number;
  /** Stopband attenuation the window is designed for, in dB. */
  attenuationDb: number;
}

export const RESAMPLER_PRESETS: Readonly<Record<ResamplerQuality, Readonly<ResamplerPreset>>> = {
  fast: { passbandEdge: 0.8, stopbandEdge: 1.2, attenuationDb: 64 },
  voice: { passbandEdge: 0.8, stopbandEdge: 1.2, attenuationDb: 94 },
  high: { passbandEdge: 0.85, stopbandEdge: 1.15, attenuationDb: 124 },
};

export interface ResamplerDesign {
  readonly fromRate: number;
  readonly toRate: number;
  /** Phases (upsampling factor) and step (downsampling factor) of the reduced ratio. */
  readonly phases: number;
  readonly step: number;
  /** Taps per phase, a multiple of 4 (zero taps pad the oldest end). */
  readonly taps: number;
  /** Half-width of the kernel in input samples: the look-ahead, so the delay. */
  readonly halfWidth: number;
  /** Zero samples before the first input so that output 0 sits on input 0. */
  readonly primingSamples: number;
  /** phases × taps coefficients, phase-major, oldest tap first. */
  readonly coefficients: Float32Array;
}

const TAP_MULTIPLE = 4;
/**
 * Most phases a design may have (the reduced "to" rate). Every pair of the usual rates needs at
 * most 1,280 (11,025 → 32,000 Hz); a pair like 44,101 → 48,000 Hz would need 48,000 phases and
 * megabytes of coefficients, so it is refused rather than built.
 */
const MAX_PHASES = 8192;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function of the first kind (power series). */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Kaiser's β for a stopband attenuation in dB. */
function kaiserBeta(attenuationDb: number): number {
  if (attenuationDb > 50) return 0.1102 * (attenuationDb - 8.7);
  if (attenuationDb >= 21) return 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  return 0;
}

/** The kernel half-width, in input samples, that Kaiser's formula asks for. */
export function kernelHalfWidth(fromRate: number, toRate: number, preset: ResamplerPreset): number {
  const lowerNyquistHz = Math.min(fromRate, toRate) / 2;
  const transitionCyclesPerSample = ((preset.stopbandEdge - preset.passbandEdge) * lowerNyquistHz) / fromRate;
  const length = (preset.attenuationDb - 7.95) / (14.36 * transitionCyclesPerSample) + 1;
  return Math.ceil(length / 2);
}

function checkRate(rate: number, name: string): void {
  if (!Number.isInteger(rate) || rate < 1000 || rate > 384_000) {
    throw new ConfigError(`${name} must be an integer rate in Hz between 1000 and 384000, got ${rate}`);
  }
}

const designs = new Map<string, ResamplerDesign>();

/** The (cached) polyphase design for a rate pair and a preset. */
export function designResampler(fromRate: number, toRate: number, quality: ResamplerQuality): ResamplerDesign {
  checkRate(fromRate, "fromRate");
  checkRate(toRate, "toRate");
  const preset = RESAMPLER_PRESETS[quality];
  if (preset === undefined) throw new ConfigError(`unknown resampler quality "${String(quality)}"`);
  const key = `${fromRate}:${toRate}:${quality}`;
  let design = designs.get(key);
  if (design === undefined) {
    design = buildDesign(fromRate, toRate, preset);
    designs.set(key, design);
  }
  return design;
}

function buildDesign(fromRate: number, toRate: number, preset: ResamplerPreset): ResamplerDesign {
  const divisor = gcd(fromRate, toRate);
  const phases = toRate / divisor;
  const step = fromRate / divisor;
  if (phases > MAX_PHASES) {
    throw new ConfigError(
      `${fromRate} → ${toRate} Hz reduces to ${phases}/${step}: more than ${MAX_PHASES} filter phases; use rates with a larger common divisor`,
    );
  }
  const halfWidth = kernelHalfWidth(fromRate, toRate, preset);
  const span = 2 * halfWidth;
  // More taps than one output's stride in input samples, so no input is ever skipped unread.
  const taps = Math.ceil(Math.max(span, Math.ceil(step / phases) + 1) / TAP_MULTIPLE) * TAP_MULTIPLE;
  const pad = taps - span;
  const lowerNyquistHz = Math.min(fromRate, toRate) / 2;
  // Cutoff at the middle of the transition band, in cycles per input sample.
  const cutoff = (((preset.passbandEdge + preset.stopbandEdge) / 2) * lowerNyquistHz) / fromRate;
  const beta = kaiserBeta(preset.attenuationDb);
  const i0Beta = besselI0(beta);
  const coefficients = new Float32Array(phases * taps);
  const phase = new Float64Array(taps);
  for (let r = 0; r < phases; r++) {
    let sum = 0;
    for (let j = 0; j < taps; j++) {
      // Tap j multiplies input k0 - halfWidth + 1 - pad + j, at distance t from the output instant.
      const t = r / phases + halfWidth - 1 - (j - pad);
      let h = 0;
      if (j >= pad && Math.abs(t) < halfWidth) {
        const u = t / halfWidth;
        const window = besselI0(beta * Math.sqrt(1 - u * u)) / i0Beta;
        const x = 2 * cutoff * t;
        h = 2 * cutoff * (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)) * window;
      }
      phase[j] = h;
      sum += h;
    }
    for (let j = 0; j < taps; j++) coefficients[r * taps + j] = phase[j]! / sum;
  }
  return { fromRate, toRate, phases, step, taps, halfWidth, primingSamples: halfWidth - 1 + pad, coefficients };
}
