import type { ResamplerQuality } from "@voxwire/core";
import type { PlaybackCounters } from "./playback-ring.js";

/*
 * What the main thread and the two processors say to each other over the node's port.
 * Audio always travels as a transferred ArrayBuffer (no copy, no structured clone of samples).
 */

export const CAPTURE_PROCESSOR_NAME = "voxwire-capture";
export const PLAYBACK_PROCESSOR_NAME = "voxwire-playback";

export interface CaptureProcessorOptions {
  /** The session's input rate: the rate of the frames. */
  sampleRate: number;
  frameMs: number;
  quality: ResamplerQuality;
}

export type CaptureMessage =
  /** The processor is built: the rate it really reads at, the frame size, the resampler's inner loop. */
  | { type: "ready"; inputRate: number; outputRate: number; frameSamples: number; backend: string }
  /** One frame of PCM16 at `outputRate`, with its level (full scale 1). */
  | { type: "frame"; pcm: ArrayBuffer; peak: number; rms: number }
  /** The processor could not start (bad options); it renders nothing. */
  | { type: "error"; code: string; message: string };

export type CaptureCommand = { type: "stop" };

export interface PlaybackProcessorOptions {
  capacitySamples: number;
  prebufferSamples: number;
  underrunGapSamples: number;
  /** A `tick` report after every this many rendered samples. */
  reportEverySamples: number;
}

export type PlaybackCommand =
  /** Samples at the context's rate: PCM16 or floats, as the buffer of the named type. */
  { type: "push"; pcm: ArrayBuffer; format: "int16" | "float32" } | { type: "clear" } | { type: "report"; id: number } | { type: "stop" };

/** The ring's counters plus what the speakers got since the previous report. */
export interface PlaybackSnapshot extends PlaybackCounters {
  /** The context's rate: every count above is in samples at this rate. */
  sampleRate: number;
  /** The context's frame counter when the report was made. */
  frame: number;
  /** Level of what was rendered since the previous report. */
  peak: number;
  rms: number;
}

export type PlaybackMessage =
  /** `tick`: periodic; `clear`: right after a clear took effect; `request`: the answer to a `report` command. */
  | { type: "report"; reason: "tick" | "clear" | "request"; id?: number; snapshot: PlaybackSnapshot }
  | { type: "error"; code: string; message: string };
