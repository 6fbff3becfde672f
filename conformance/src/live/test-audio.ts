import { ClipLibrary } from "../simulator/clip-library.js";

/** The rate the scenarios make their audio at: a browser's, so every dialect resamples it to its wire. */
export const APP_RATE = 48000;
/** The tone the rate check listens for. */
export const TONE_HZ = 440;

/** A sine at `hz`, amplitude 8000 (−12 dBFS): loud enough for any voice activity detector. */
export function sine(rate: number, seconds: number, hz: number = TONE_HZ): Int16Array {
  const out = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / rate));
  return out;
}

export function silence(rate: number, seconds: number): Int16Array {
  return new Int16Array(Math.round(rate * seconds));
}

let clips: ClipLibrary | undefined;

/**
 * Recorded speech at `rate` (the simulator's own "answer" line, made offline with espeak-ng):
 * what the barge-in scenario talks over the agent with, since a real vendor's voice detector
 * may ignore a pure tone.
 */
export function speech(rate: number): Int16Array {
  clips ??= ClipLibrary.fromAssets();
  return joinSamples(clips.at("answer", rate).frames);
}

/** The greeting clip as the simulator sends it at `rate` (to compare agent audio against). */
export function greetingAt(rate: number): Int16Array {
  clips ??= ClipLibrary.fromAssets();
  return joinSamples(clips.at("greeting", rate).frames);
}

/** Joins chunks of samples. */
export function joinSamples(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
