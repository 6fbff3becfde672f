import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../errors/error-classes.js";
import { createResampler } from "./resampler.js";
import { fitTone, sine } from "./resampler-analysis.js";
import type { ResamplerBackendChoice, ResamplerQuality } from "./resampler-types.js";
import { wasmSimdAvailable } from "./resampler-wasm-engine.js";

const RATES = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000] as const;
const PAIRS = RATES.flatMap((from) => RATES.filter((to) => to !== from).map((to) => [from, to] as const));
const QUALITIES: ResamplerQuality[] = ["fast", "voice", "high"];
const BACKENDS: ResamplerBackendChoice[] = wasmSimdAvailable() ? ["js", "wasm"] : ["js"];

type Samples = Int16Array | Float32Array;

function concat<T extends Samples>(parts: T[]): T {
  const length = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new (parts[0]!.constructor as new (n: number) => T)(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part as ArrayLike<number>, offset);
    offset += part.length;
  }
  return out;
}

/** Splits [0, length) at the cut points (repeats give empty chunks). */
function cuts(length: number, points: number[]): [number, number][] {
  const sorted = points.map((p) => p % (length + 1)).sort((a, b) => a - b);
  const bounds = [0, ...sorted, length];
  return bounds.slice(1).map((end, i) => [bounds[i]!, end]);
}

function resampleWhole<T extends Samples>(from: number, to: number, input: T, quality: ResamplerQuality, backend: ResamplerBackendChoice): T {
  const r = createResampler(from, to, { quality, backend });
  return concat([r.push(input) as T, r.flush() as T]);
}

describe.each(BACKENDS)("createResampler (%s backend)", (backend) => {
  test.prop(
    [
      fc.constantFrom(...PAIRS),
      fc.constantFrom(...QUALITIES),
      fc.int16Array({ maxLength: 1500 }),
      fc.array(fc.nat(), { maxLength: 10 }),
      fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 6 }),
      fc.boolean(),
    ],
    { numRuns: 60 },
  )(
    "any chunking, with empty and 1-sample chunks, is bit-identical to one push of the whole",
    ([from, to], quality, samples, points, singles, asFloat) => {
      const input: Samples = asFloat ? Float32Array.from(samples, (s) => s / 32768) : samples;
      const whole = resampleWhole(from, to, input, quality, backend);
      const r = createResampler(from, to, { quality, backend });
      const parts: Samples[] = [];
      // Cut points, plus 1-sample chunks around some positions.
      const bounds = cuts(input.length, [...points, ...singles, ...singles.map((s) => s + 1)]);
      for (const [start, end] of bounds) {
        const chunk = input.subarray(start, end);
        const expected = r.outputLength(chunk.length);
        const got = r.push(chunk);
        expect(got.length).toBe(expected);
        parts.push(got);
      }
      parts.push(r.flush());
      const chunked = concat(parts);
      expect(chunked.length).toBe(Math.ceil((input.length * to) / from));
      expect(chunked).toEqual(whole);
    },
  );

  it.each(PAIRS)("%i → %i Hz keeps a voice-band sine's frequency, amplitude and timing", (from, to) => {
    const lowerNyquist = Math.min(from, to) / 2;
    for (const fraction of [0.1, 0.45, 0.78]) {
      const frequency = fraction * lowerNyquist;
      const input = sine(frequency, from, Math.round(from * 0.12), 0.5, 0.3);
      const output = resampleWhole(from, to, input, "voice", backend);
      // Skip the onset and the end, where the window straddles the start or end of the tone.
      const margin = 2 * createResampler(from, to).latencySamples + 8;
      const fit = fitTone(output, frequency, to, margin, output.length - margin);
      expect(Math.abs(20 * Math.log10(fit.amplitude / 0.5))).toBeLessThan(0.1);
      expect(Math.abs(fit.phase - 0.3)).toBeLessThan(1e-3);
      // The residual holds every image and alias of the tone: ≥ 90 dB below it.
      expect(fit.residualDb).toBeLessThan(-90);
    }
  });

  it.each(PAIRS.filter(([from, to]) => from > to))("%i → %i Hz rejects what would alias into the passband", (from, to) => {
    for (const quality of QUALITIES) {
      const floorDb = { fast: -60, voice: -90, high: -120 }[quality];
      const stopbandEdge = { fast: 1.2, voice: 1.2, high: 1.15 }[quality];
      // Tones between the stopband edge and the input's Nyquist (none when that band is empty).
      const fractions = [stopbandEdge, (stopbandEdge + from / to) / 2, (from / to) * 0.98].filter((f) => f >= stopbandEdge && f < from / to);
      for (const fraction of fractions) {
        const frequency = (fraction * to) / 2;
        const input = sine(frequency, from, Math.round(from * 0.08), 0.5);
        const output = resampleWhole(from, to, input, quality, backend) as Float32Array;
        const margin = 200;
        const fit = fitTone(output, 1000, to, margin, output.length - margin);
        expect(20 * Math.log10(fit.rms / (0.5 / Math.SQRT2)), `${quality} at ${frequency.toFixed(0)} Hz`).toBeLessThan(floorDb);
      }
    }
  });

  it("returns the tail on flush, so the last syllable is never lost, and starts afresh", () => {
    const r = createResampler(48000, 16000, { backend });
    const burst = new Int16Array(480).fill(10000);
    const head = r.push(burst);
    const tail = r.flush();
    expect(head.length + tail.length).toBe(160);
    expect(tail.length).toBeLessThanOrEqual(r.latencySamples);
    expect(tail.length).toBeGreaterThanOrEqual(r.latencySamples - 1);
    expect(Math.abs(tail[0]! - 10000)).toBeLessThan(2);
    expect(tail[tail.length - 1]).toBeGreaterThan(1000);
    expect(r.push(burst)).toEqual(head);
  });

  it("keeps a constant exactly constant (unit DC gain on every phase)", () => {
    for (const [from, to] of PAIRS) {
      const output = resampleWhole(from, to, new Int16Array(2000).fill(-12345), "voice", backend);
      const latency = createResampler(from, to).latencySamples;
      for (let i = latency + 2; i < output.length - latency - 2; i++)
        if (output[i] !== -12345) expect.unreachable(`${from}→${to} at ${i}: ${output[i]}`);
    }
  });

  test.prop([fc.constantFrom(...PAIRS), fc.float32Array({ maxLength: 300 })], { numRuns: 40 })(
    "never throws and stays finite on any float input",
    ([from, to], samples) => {
      const r = createResampler(from, to, { backend, quality: "fast" });
      const out = concat([r.push(samples), r.flush()]) as Float32Array;
      for (const v of out) expect(Number.isFinite(v)).toBe(true);
    },
  );
});

describe("createResampler options", () => {
  it("passes equal rates through at zero cost", () => {
    const r = createResampler(16000, 16000);
    const chunk = Int16Array.of(1, 2, 3);
    expect(r.push(chunk)).toBe(chunk);
    expect(r.backend).toBe("passthrough");
    expect(r.latencySamples).toBe(0);
    expect(r.flush().length).toBe(0);
    expect(createResampler(16000, 16000, { output: "float32" }).push(Int16Array.of(16384))).toEqual(Float32Array.of(0.5));
  });

  it("flushes nothing when nothing was pushed", () => {
    expect(createResampler(8000, 16000).flush().length).toBe(0);
    expect(createResampler(48000, 8000, { quality: "high" }).flush().length).toBe(0);
  });

  it("converts the output type when asked", () => {
    const r = createResampler(16000, 8000, { output: "int16" });
    const out = r.push(new Float32Array(400).fill(0.5));
    expect(out).toBeInstanceOf(Int16Array);
    expect(r.flush()).toBeInstanceOf(Int16Array);
  });

  it("writes into a caller's buffer", () => {
    const r = createResampler(8000, 16000, { backend: "js" });
    const out = new Int16Array(400);
    const chunk = new Int16Array(160).fill(1000);
    const count = r.pushInto(chunk, out);
    expect(count).toBe(createResampler(8000, 16000, { backend: "js" }).push(chunk).length);
    expect(() => r.pushInto(new Int16Array(1000), out)).toThrow(RangeError);
  });

  it("refuses rates it cannot work with", () => {
    expect(() => createResampler(0, 16000)).toThrow(ConfigError);
    expect(() => createResampler(16000.5, 8000)).toThrow(ConfigError);
    expect(() => createResampler(16000, 8000, { quality: "ultra" as ResamplerQuality })).toThrow(ConfigError);
    expect(() => createResampler(44101, 48000)).toThrow(ConfigError);
  });

  it("meets the voice preset's delay budget of 2 ms on every pair", () => {
    for (const [from, to] of PAIRS) expect((createResampler(from, to).latencySamples / to) * 1000).toBeLessThanOrEqual(2.0 + 1000 / to);
  });
});
