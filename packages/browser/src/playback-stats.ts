import type { Level } from "./worklets/level.js";
import type { PlaybackSnapshot } from "./worklets/messages.js";

/** What the playback worklet last reported, in samples at `sampleRate` and in ms. */
export interface PlaybackStats {
  sampleRate: number;
  /** Agent audio actually rendered to the speakers so far. */
  playedSamples: number;
  playedMs: number;
  /** Agent audio waiting in the ring. */
  queuedSamples: number;
  queuedMs: number;
  /** Agent audio accepted into the ring so far. */
  enqueuedSamples: number;
  /** Gaps inside speech (the ring ran dry and audio came back within the underrun gap). */
  underruns: number;
  /** Pushes that did not fit the ring whole; `droppedSamples` is what they lost. */
  overruns: number;
  droppedSamples: number;
  /** Clears so far, everything they dropped, and what the last one dropped. */
  clears: number;
  clearedSamples: number;
  lastClearedMs: number;
  /** Heard so far of the current utterance (right after a clear: of the interrupted one). */
  utterancePlayedMs: number;
  /** Level of what the speakers got since the previous report. */
  level: Level;
  /** The context's frame counter when the worklet made the report. */
  frame: number;
}

export function toPlaybackStats(s: PlaybackSnapshot): PlaybackStats {
  const ms = (samples: number) => (samples * 1000) / s.sampleRate;
  return {
    sampleRate: s.sampleRate,
    playedSamples: s.playedSamples,
    playedMs: ms(s.playedSamples),
    queuedSamples: s.queuedSamples,
    queuedMs: ms(s.queuedSamples),
    enqueuedSamples: s.enqueuedSamples,
    underruns: s.underruns,
    overruns: s.overruns,
    droppedSamples: s.droppedSamples,
    clears: s.clears,
    clearedSamples: s.clearedSamples,
    lastClearedMs: ms(s.lastClearedSamples),
    utterancePlayedMs: ms(s.utterancePlayedSamples),
    level: { peak: s.peak, rms: s.rms },
    frame: s.frame,
  };
}

/** Before the first report. */
export function emptyPlaybackStats(sampleRate: number): PlaybackStats {
  return toPlaybackStats({
    sampleRate,
    frame: 0,
    peak: 0,
    rms: 0,
    playedSamples: 0,
    queuedSamples: 0,
    enqueuedSamples: 0,
    renderedSamples: 0,
    underruns: 0,
    overruns: 0,
    droppedSamples: 0,
    clears: 0,
    clearedSamples: 0,
    lastClearedSamples: 0,
    utterancePlayedSamples: 0,
  });
}
