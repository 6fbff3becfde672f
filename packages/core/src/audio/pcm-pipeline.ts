import { ConfigError } from "../errors/error-classes.js";
import type { AudioPipeline, AudioPipelineFlushOptions, AudioPipelineOptions } from "./audio-pipeline.js";
import { createFramer, type Framer } from "./framer.js";
import { float32ToPcm16 } from "./pcm-convert.js";
import type { createResampler } from "./resampler.js";
import type { Resampler } from "./resampler-types.js";

/** How a pipeline gets its resampler: passed in, so a caller may load the resampler's code only when rates differ. */
export type ResamplerFactory = typeof createResampler;

/**
 * `createAudioPipeline` with the resampler factory passed in (see session/load-resampler.ts);
 * `newResampler` may be undefined only when the two rates are equal.
 */
export function assemblePipeline(options: AudioPipelineOptions, newResampler: ResamplerFactory | undefined): AudioPipeline {
  const { inputRate, outputRate, frameSamples } = options;
  let resampler: Resampler<"int16"> | undefined;
  if (inputRate !== outputRate) {
    if (newResampler === undefined) throw new ConfigError(`a ${inputRate} → ${outputRate} Hz pipeline needs a resampler`);
    resampler = newResampler(inputRate, outputRate, { quality: options.quality ?? "voice", backend: options.backend ?? "auto", output: "int16" });
  }
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
