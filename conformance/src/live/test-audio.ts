import { joinSamples } from "../audio/test-signals.js";
import { ClipLibrary } from "../simulator/clip-library.js";

/** The rate the scenarios make their audio at: a browser's, so every dialect resamples it to its wire. */
export const APP_RATE = 48000;

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
