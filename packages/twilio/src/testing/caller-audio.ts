import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { type DtmfPress, joinSamples, parseWavPcm16 } from "@voxwire/conformance";
import { createAudioPipeline, dtmfDigitSchema } from "@voxwire/core";
import { TWILIO_SAMPLE_RATE } from "../wire.js";

/** A mono PCM16 WAV at any rate, as the caller's 8 kHz audio (resampled with core's pipeline). */
export function loadCallerWav(path: string): Int16Array {
  const wav = parseWavPcm16(readFileSync(path), basename(path));
  return toCallerRate(wav.samples, wav.sampleRate);
}

/** PCM16 at `sampleRate` → 8 kHz, the stream's rate (no work when it already is). */
export function toCallerRate(samples: Int16Array, sampleRate: number): Int16Array {
  if (sampleRate === TWILIO_SAMPLE_RATE) return samples;
  const pipeline = createAudioPipeline({ inputRate: sampleRate, outputRate: TWILIO_SAMPLE_RATE, quality: "high" });
  const parts: Int16Array[] = [];
  const keep = (part: Int16Array) => parts.push(part.slice());
  pipeline.push(samples, keep);
  pipeline.flush(keep);
  return joinSamples(parts);
}

/** Parses `1@2s`, `#@1500ms` or `5@2.5` (seconds) into a press; throws a message fit for a usage error. */
export function parseDtmfPress(text: string): DtmfPress {
  const match = /^(.)@(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!match || !dtmfDigitSchema.safeParse(match[1]).success) {
    throw new Error(`"${text}" is not DIGIT@TIME (a digit 0-9 * # A-D, a time like 2s, 1500ms or 2.5)`);
  }
  const value = Number(match[2]);
  return { digit: match[1]!, atMs: match[3] === "ms" ? value : value * 1000 };
}
