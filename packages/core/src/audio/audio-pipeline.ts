import { assemblePipeline } from "./pcm-pipeline.js";
import { createResampler } from "./resampler.js";
import type { ResamplerBackendChoice, ResamplerQuality } from "./resampler-types.js";

export interface AudioPipelineOptions {
  inputRate: number;
  outputRate: number;
  /** Emit frames of exactly this many samples (at `outputRate`); omitted = whatever each push yields. */
  frameSamples?: number;
  /** Resampler preset when the rates differ (default `voice`). */
  quality?: ResamplerQuality;
  /** Resampler inner loop (default `auto`: WebAssembly SIMD where available). */
  backend?: ResamplerBackendChoice;
  /** Frames may share an ArrayBuffer with other frames (see the framer's `sharedBuffers`): never transfer `.buffer`. */
  sharedBuffers?: boolean;
}

export interface AudioPipelineFlushOptions {
  /** Zero-pad the last partial frame to a whole one (true) or emit it short (false, the default). */
  pad?: boolean;
}

/** One direction of audio: to PCM16 → resample → frame. */
export interface AudioPipeline {
  /**
   * Feeds a chunk; `emit` gets each frame ready so far. Frames are fresh arrays the consumer
   * may keep, except the pure pass-through (equal rates, no framing, Int16 input), which
   * emits the caller's own array without copying.
   */
  push(input: Int16Array | Float32Array, emit: (frame: Int16Array) => void): void;
  /** Ends the stream: emits what is held (the resampler's tail, the last frame padded or short) and resets. */
  flush(emit: (frame: Int16Array) => void, options?: AudioPipelineFlushOptions): void;
  reset(): void;
  /** The resampler's look-ahead at `outputRate`, in samples (0 at equal rates). Framing adds up to a frame. */
  readonly latencySamples: number;
}

/** Builds the PCM pipeline the session runtime and the bridges use for each direction. */
export function createAudioPipeline(options: AudioPipelineOptions): AudioPipeline {
  return assemblePipeline(options, createResampler);
}
