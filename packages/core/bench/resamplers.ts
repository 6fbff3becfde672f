/* Resamplers: streaming throughput in 20 ms chunks and quality figures, ours and every peer. */
import { fitTone, sine } from "../src/audio/resampler-analysis.js";
import { type Candidate, fixed, measure, ratio, sink, table } from "./harness.js";
import { concatFloat, type FloatStream, RESAMPLERS, type ResamplerEntry } from "./resampler-peers.js";
import { speechLike } from "./signals.js";

const PAIRS = [
  [48000, 16000],
  [24000, 16000],
  [16000, 24000],
  [8000, 16000],
] as const;
const CHUNK_SECONDS = 0.02;
const TONE_SECONDS = 0.5;
const AMPLITUDE = 0.5;

interface Quality {
  snrDb: number;
  rejectionDb: number;
  passbandDb: number;
  latencyMs: number;
  chunkedVsWholeDbfs: number;
}

/** Streams `input` in 20 ms chunks (or whole), then flushes. */
async function stream(
  entry: ResamplerEntry,
  from: number,
  to: number,
  input: Float32Array,
  chunked = true,
): Promise<{ out: Float32Array; beforeFlush: number }> {
  const s: FloatStream = await entry.float(from, to);
  const chunk = chunked ? Math.round(from * CHUNK_SECONDS) : input.length;
  const parts: Float32Array[] = [];
  for (let i = 0; i < input.length; i += chunk) parts.push(s.push(input.subarray(i, i + chunk)));
  const beforeFlush = parts.reduce((n, p) => n + p.length, 0);
  parts.push(s.flush());
  s.destroy();
  return { out: concatFloat(parts), beforeFlush };
}

async function quality(entry: ResamplerEntry, from: number, to: number): Promise<Quality> {
  const lowerNyquist = Math.min(from, to) / 2;
  const skip = Math.round(0.06 * to);
  let snrDb = Infinity;
  let passbandDb = 0;
  for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.8]) {
    const f = fraction * lowerNyquist;
    const { out } = await stream(entry, from, to, sine(f, from, Math.round(from * TONE_SECONDS), AMPLITUDE));
    const end = Math.min(out.length, Math.round(to * TONE_SECONDS)) - skip;
    const fit = fitTone(out, f, to, skip, end);
    passbandDb = Math.max(passbandDb, Math.abs(20 * Math.log10(fit.amplitude / AMPLITUDE)));
    if (fraction <= 0.7) snrDb = Math.min(snrDb, -fit.residualDb);
  }
  // Aliases: tones that fold into the passband (≥ 1.2 × the output Nyquist, below the input's).
  // Images: what an in-band tone leaves besides itself (everything is image or noise there).
  let rejectionDb = Infinity;
  if (from > to) {
    const top = from / to;
    for (const fraction of [1.2, (1.2 + top) / 2, top * 0.98]) {
      if (fraction >= top) continue;
      const f = (fraction * to) / 2;
      const { out } = await stream(entry, from, to, sine(f, from, Math.round(from * TONE_SECONDS), AMPLITUDE));
      const end = Math.min(out.length, Math.round(to * TONE_SECONDS)) - skip;
      const rms = fitTone(out, 1000, to, skip, end).rms;
      rejectionDb = Math.min(rejectionDb, -20 * Math.log10(rms / (AMPLITUDE / Math.SQRT2) + 1e-12));
    }
  } else {
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.78]) {
      const f = fraction * lowerNyquist;
      const { out } = await stream(entry, from, to, sine(f, from, Math.round(from * TONE_SECONDS), AMPLITUDE));
      const end = Math.min(out.length, Math.round(to * TONE_SECONDS)) - skip;
      rejectionDb = Math.min(rejectionDb, -fitTone(out, f, to, skip, end).residualDb);
    }
  }
  // Latency: how late an impulse comes out, plus how much output is held back while streaming.
  const impulse = new Float32Array(Math.round(from * 0.3));
  const at = Math.round(from * 0.1);
  impulse[at] = 0.9;
  const { out: response, beforeFlush } = await stream(entry, from, to, impulse);
  let peak = 0;
  for (let i = 1; i < response.length; i++) if (Math.abs(response[i]!) > Math.abs(response[peak]!)) peak = i;
  const heldBack = (impulse.length * to) / from - beforeFlush;
  const latencyMs = 1000 * ((peak - (at * to) / from) / to + heldBack / to);
  // Chunked vs whole: one push of a 1 s speech-like signal against 20 ms chunks.
  const speech = Float32Array.from(speechLike(from, 1), (v) => v / 32768);
  const whole = (await stream(entry, from, to, speech, false)).out;
  const chunked = (await stream(entry, from, to, speech, true)).out;
  let diff = Math.abs(whole.length - chunked.length) > 0 ? 1 : 0;
  for (let i = 0; i < Math.min(whole.length, chunked.length); i++) diff = Math.max(diff, Math.abs(whole[i]! - chunked[i]!));
  return { snrDb, rejectionDb, passbandDb, latencyMs, chunkedVsWholeDbfs: diff === 0 ? -Infinity : 20 * Math.log10(diff) };
}

async function throughput(entries: ResamplerEntry[], from: number, to: number): Promise<Map<string, number>> {
  const chunk = Math.round(from * CHUNK_SECONDS);
  const pcm = speechLike(from, 2);
  const floats = Float32Array.from(pcm, (v) => v / 32768);
  const chunks = pcm.length / chunk;
  const candidates: Candidate[] = [];
  for (const entry of entries) {
    const hot = await entry.hot(from, to);
    const source = entry.format === "int16" ? pcm : floats;
    let next = 0;
    candidates.push({
      name: entry.name,
      unitsPerIteration: CHUNK_SECONDS,
      run(iterations) {
        let acc = 0;
        for (let i = 0; i < iterations; i++) {
          acc += hot.push(source.subarray(next * chunk, next * chunk + chunk));
          next = next + 1 === chunks ? 0 : next + 1;
        }
        sink.value += acc;
      },
    });
  }
  return new Map(measure(candidates).map((m) => [m.name, m.rate]));
}

export async function benchResamplers(): Promise<string> {
  const sections: string[] = [];
  const summary: (string | number)[][] = [];
  for (const [from, to] of PAIRS) {
    const rates = await throughput(RESAMPLERS, from, to);
    const speex3 = rates.get("speexdsp q3 (wasm SIMD)")!;
    const medium = rates.get("libsamplerate-js SINC_MEDIUM")!;
    const rows: (string | number)[][] = [];
    const qualities = new Map<string, Quality>();
    for (const entry of RESAMPLERS) {
      const q = await quality(entry, from, to);
      qualities.set(entry.name, q);
      const rate = rates.get(entry.name)!;
      rows.push([
        entry.name,
        fixed(rate, 0),
        ratio(rate, speex3),
        ratio(rate, medium),
        fixed(q.snrDb),
        fixed(q.rejectionDb),
        fixed(q.passbandDb, 3),
        fixed(q.latencyMs, 2),
        q.chunkedVsWholeDbfs === -Infinity ? "identical" : fixed(q.chunkedVsWholeDbfs),
      ]);
    }
    sections.push(
      `#### ${from / 1000} → ${to / 1000} kHz, streaming 20 ms chunks\n\n` +
        table(
          [
            "resampler",
            "s of audio / CPU-s",
            "vs speex q3",
            "vs SRC MEDIUM",
            "in-band SNR dB",
            `${from > to ? "alias" : "image"} rejection dB`,
            "passband dev. dB (≤ 0.8 Nyq)",
            "latency ms",
            "chunked vs whole (max Δ dBFS)",
          ],
          rows,
        ),
    );
    const voice = qualities.get("voxwire voice (wasm SIMD)")!;
    const speexQ = qualities.get("speexdsp q3 (wasm SIMD)")!;
    summary.push([
      `${from / 1000} → ${to / 1000}`,
      ratio(rates.get("voxwire voice (wasm SIMD)")!, speex3),
      `${fixed(voice.rejectionDb)} vs ${fixed(speexQ.rejectionDb)}`,
      ratio(rates.get("voxwire voice (TypeScript)")!, speex3),
      ratio(rates.get("voxwire high (wasm SIMD)")!, medium),
      ratio(rates.get("voxwire high (TypeScript)")!, medium),
    ]);
  }
  const targets =
    "#### Targets (ratios from the tables below)\n\n" +
    table(
      [
        "pair (kHz)",
        "voice ÷ speex q3 (target ≥ 1.0)",
        "rejection dB: voice vs speex q3",
        "voice TypeScript ÷ speex q3",
        "high ÷ SRC MEDIUM (target ≥ 10)",
        "high TypeScript ÷ SRC MEDIUM",
      ],
      summary,
    );
  return [targets, ...sections].join("\n\n");
}
