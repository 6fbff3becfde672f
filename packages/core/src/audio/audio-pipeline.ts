import { ConfigError } from "../errors/error-classes.js";
import { createFramer, type Framer } from "./framer.js";
import { float32ToPcm16 } from "./pcm-convert.js";
import type { ResamplerQuality } from "./resampler-types.js";

export interface AudioPipelineOptions {
  inputRate: number;
  outputRate: number;
  /** Emit frames of exactly this many samples (at `outputRate`); omitted = whatever each push yields. */
  frameSamples?: number;
  /** Resampler preset when the rates differ (default `voice`). */
  quality?: ResamplerQuality;
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
  /** Ends the stream: emits what is held (the last frame padded or short) and resets. */
  flush(emit: (frame: Int16Array) => void, options?: AudioPipelineFlushOptions): void;
  reset(): void;
  /** Algorithmic delay at `outputRate`, in samples (0 when no resampling). */
  readonly latencySamples: number;
}

/** Builds the PCM pipeline the session runtime and the bridges use for each direction. */
export function createAudioPipeline(options: AudioPipelineOptions): AudioPipeline {
  const { inputRate, outputRate, frameSamples } = options;
  if (inputRate !== outputRate) {
    throw new ConfigError(`resampling ${inputRate} → ${outputRate} Hz is not available yet`);
  }
  const framer = frameSamples === undefined ? undefined : createFramer({ frameSamples });
  return new PcmPipeline(framer);
}

class PcmPipeline implements AudioPipeline {
  readonly latencySamples = 0;
  constructor(private readonly framer: Framer<Int16Array> | undefined) {}

  push(input: Int16Array | Float32Array, emit: (frame: Int16Array) => void): void {
    if (this.framer !== undefined) {
      // The framer copies into fresh frames, so a converted chunk needs no copy of its own.
      this.framer.push(input instanceof Int16Array ? input : float32ToPcm16(input), emit);
    } else if (input.length > 0) {
      emit(input instanceof Int16Array ? input : float32ToPcm16(input));
    }
  }

  flush(emit: (frame: Int16Array) => void, options?: AudioPipelineFlushOptions): void {
    this.framer?.flush(emit, options);
  }

  reset(): void {
    this.framer?.reset();
  }
}
