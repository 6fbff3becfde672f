import { createFramer, type Framer } from "./framer.js";
import { float32ToPcm16 } from "./pcm-convert.js";
import { createResampler } from "./resampler.js";
import type { Resampler, ResamplerBackendChoice, ResamplerQuality } from "./resampler-types.js";

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
  const { inputRate, outputRate, frameSamples } = options;
  const resampler =
    inputRate === outputRate
      ? undefined
      : createResampler(inputRate, outputRate, { quality: options.quality ?? "voice", backend: options.backend ?? "auto", output: "int16" });
  const framer = frameSamples === undefined ? undefined : createFramer({ frameSamples, sharedBuffers: options.sharedBuffers === true });
  return new PcmPipeline(resampler, framer);
}

class PcmPipeline implements AudioPipeline {
  readonly latencySamples: number;
  /** Resampler output before framing; grows only when a larger chunk than ever arrives. */
  private scratch = new Int16Array(0);

  constructor(
    private readonly resampler: Resampler<"int16"> | undefined,
    private readonly framer: Framer<Int16Array> | undefined,
  ) {
    this.latencySamples = resampler?.latencySamples ?? 0;
  }

  push(input: Int16Array | Float32Array, emit: (frame: Int16Array) => void): void {
    const { resampler, framer } = this;
    if (resampler === undefined) {
      if (framer !== undefined) framer.push(input instanceof Int16Array ? input : float32ToPcm16(input), emit);
      else if (input.length > 0) emit(input instanceof Int16Array ? input : float32ToPcm16(input));
    } else if (framer === undefined) {
      const out = resampler.push(input);
      if (out.length > 0) emit(out);
    } else {
      // The framer copies into fresh frames, so the resampler can write into a reused buffer.
      const count = resampler.outputLength(input.length);
      if (this.scratch.length < count) this.scratch = new Int16Array(count * 2);
      resampler.pushInto(input, this.scratch);
      if (count > 0) framer.push(this.scratch.subarray(0, count), emit);
    }
  }

  flush(emit: (frame: Int16Array) => void, options?: AudioPipelineFlushOptions): void {
    const tail = this.resampler?.flush();
    if (this.framer !== undefined) {
      if (tail !== undefined && tail.length > 0) this.framer.push(tail, emit);
      this.framer.flush(emit, options);
    } else if (tail !== undefined && tail.length > 0) {
      emit(tail);
    }
  }

  reset(): void {
    this.resampler?.reset();
    this.framer?.reset();
  }
}
