import { ConfigError, createFramer, createResampler, type Framer, frameSamplesFor, type Resampler, type ResamplerQuality } from "@voxwire/core";
import { LevelMeter } from "./level.js";

export interface CaptureCoreOptions {
  /** The rate the AudioContext really runs at (the worklet's global `sampleRate`). */
  inputRate: number;
  /** The session's input rate: what the frames carry. */
  outputRate: number;
  /** Frame length in ms; 20 unless the wire wants another. */
  frameMs: number;
  quality: ResamplerQuality;
}

/** Receives each frame (a fresh array the receiver owns, so its buffer can be transferred) and its level. */
export type CaptureFrameSink = (frame: Int16Array, peak: number, rms: number) => void;

/**
 * The capture worklet's DSP, as a plain class: microphone blocks at the context's rate →
 * core's streaming resampler (straight to PCM16) → core's framer → fixed-size frames.
 * `process` allocates nothing in steady state: the resampler writes into a scratch buffer that
 * only grows if a longer block ever arrives, and subarray views are cached per length. The
 * one allocation per frame is the frame itself, which is transferred away.
 */
export class CaptureCore {
  readonly inputRate: number;
  readonly outputRate: number;
  readonly frameSamples: number;
  readonly resampler: Resampler<"int16">;
  readonly #framer: Framer<Int16Array>;
  readonly #meter = new LevelMeter();
  readonly #sink: CaptureFrameSink;
  #scratch = new Int16Array(0);
  #views: Int16Array[] = [];
  #frames = 0;

  constructor(options: CaptureCoreOptions, sink: CaptureFrameSink) {
    const { inputRate, outputRate, frameMs, quality } = options;
    if (!Number.isFinite(frameMs) || frameMs <= 0) throw new ConfigError(`frameMs must be a positive number of ms, got ${frameMs}`);
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    this.resampler = createResampler(inputRate, outputRate, { quality, output: "int16" });
    this.frameSamples = frameSamplesFor(outputRate, frameMs);
    this.#framer = createFramer({ frameSamples: this.frameSamples });
    this.#sink = sink;
    this.#grow(128);
  }

  /** Frames emitted so far. */
  get frames(): number {
    return this.#frames;
  }

  /** Samples held back by the framer (and not yet a whole frame). */
  get pendingSamples(): number {
    return this.#framer.pendingSamples;
  }

  /** One block of microphone samples (any length; an AudioWorklet hands 128). */
  process(block: Float32Array): void {
    if (block.length === 0) return;
    const needed = this.resampler.outputLength(block.length);
    if (needed > this.#scratch.length) this.#grow(block.length);
    const written = this.resampler.pushInto(block, this.#scratch);
    if (written > 0) this.#framer.push(this.#view(written), this.#emit);
  }

  /** Drops the resampler's history and any partial frame (after a pause, so old audio does not leak into new). */
  reset(): void {
    this.resampler.reset();
    this.#framer.reset();
  }

  readonly #emit = (frame: Int16Array): void => {
    this.#meter.addInt16(frame);
    const { peak, rms } = this.#meter.take();
    this.#frames++;
    this.#sink(frame, peak, rms);
  };

  #grow(blockLength: number): void {
    // Headroom for the resampler's fractional phase: never more than two samples over the ratio.
    this.#scratch = new Int16Array(Math.ceil((blockLength * this.outputRate) / this.inputRate) + 2);
    this.#views = [];
  }

  #view(length: number): Int16Array {
    let view = this.#views[length];
    if (view === undefined) {
      view = this.#scratch.subarray(0, length);
      this.#views[length] = view;
    }
    return view;
  }
}
