/** Resampler presets; figures are in docs/audio-pipeline.md and held by the quality tests. */
export type ResamplerQuality = "fast" | "voice" | "high";

/** Which inner loop runs: WebAssembly SIMD where available (`auto`), or forced. */
export type ResamplerBackendChoice = "auto" | "wasm" | "js";

/** The sample type `push` returns: the chunk's own (`same`, the default) or a fixed one. */
export type ResamplerOutput = "same" | "int16" | "float32";

export interface ResamplerOptions<O extends ResamplerOutput = "same"> {
  /** `voice` (default): ≥ 90 dB, flat to 0.8 × the lower Nyquist, ≤ 2 ms; `high`: ≥ 120 dB; `fast`: cheapest. */
  quality?: ResamplerQuality;
  backend?: ResamplerBackendChoice;
  output?: O;
}

type Int16Out<O extends ResamplerOutput> = O extends "float32" ? Float32Array : Int16Array;
type Float32Out<O extends ResamplerOutput> = O extends "int16" ? Int16Array : Float32Array;
type AnyOut<O extends ResamplerOutput> = O extends "int16" ? Int16Array : O extends "float32" ? Float32Array : Int16Array | Float32Array;

/**
 * A streaming resampler. Output sample n sits at input time n × from / to (the filter delay is
 * compensated), and any chunking of a stream gives bit-identical output to one push of the
 * whole; `flush` completes the stream to ceil(inputs × to / from) samples and resets.
 */
export interface Resampler<O extends ResamplerOutput = "same"> {
  readonly fromRate: number;
  readonly toRate: number;
  readonly quality: ResamplerQuality;
  /** `passthrough` for equal rates (a chunk comes back as is). */
  readonly backend: "wasm" | "js" | "passthrough";
  /** Look-ahead, in output samples: how far output lags the input it needs. */
  readonly latencySamples: number;
  /** Resamples a chunk (Int16 in PCM16 units, Float32 in [−1, 1]); a fresh array, maybe empty. */
  push(chunk: Int16Array): Int16Out<O>;
  push(chunk: Float32Array): Float32Out<O>;
  push(chunk: Int16Array | Float32Array): AnyOut<O>;
  /** Like `push`, into a caller's buffer of at least `outputLength(chunk.length)`; returns the count written. */
  pushInto(chunk: Int16Array | Float32Array, out: Int16Array | Float32Array): number;
  /** How many samples the next push of `inputLength` samples returns. */
  outputLength(inputLength: number): number;
  /** Ends the stream: returns the tail (the type of the last chunk unless `output` fixes it) and resets. */
  flush(): AnyOut<O>;
  /** Forgets the stream without emitting its tail. */
  reset(): void;
}
