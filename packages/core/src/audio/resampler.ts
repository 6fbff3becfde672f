import { ConfigError } from "../errors/error-classes.js";
import { checkOutputLength } from "./audio-errors.js";
import { float32ToPcm16, pcm16ToFloat32 } from "./pcm-convert.js";
import { designResampler, type ResamplerDesign } from "./resampler-design.js";
import { createJsEngine, type ResamplerEngine } from "./resampler-engine.js";
import type { KernelState } from "./resampler-kernel-js.js";
import type { Resampler, ResamplerOptions, ResamplerOutput, ResamplerQuality } from "./resampler-types.js";
import { createWasmEngine } from "./resampler-wasm-engine.js";

/** Input samples copied into the history per block: bounds memory, not throughput. */
const BLOCK_SAMPLES = 4096;

/**
 * A streaming resampler between any two integer rates (8 kHz … 48 kHz and beyond): band-limited
 * polyphase filtering, state kept across chunks. Equal rates are a zero-cost pass-through.
 */
export function createResampler<O extends ResamplerOutput = "same">(
  fromRate: number,
  toRate: number,
  options: ResamplerOptions<O> = {},
): Resampler<O> {
  const quality: ResamplerQuality = options.quality ?? "voice";
  const output: ResamplerOutput = options.output ?? "same";
  if (output !== "same" && output !== "int16" && output !== "float32") throw new ConfigError(`unknown resampler output "${String(output)}"`);
  const design = designResampler(fromRate, toRate, quality);
  if (fromRate === toRate) return new PassThroughResampler(fromRate, quality, output) as unknown as Resampler<O>;
  const capacity = design.taps + BLOCK_SAMPLES;
  const choice = options.backend ?? "auto";
  let engine: ResamplerEngine | undefined;
  if (choice !== "js") engine = createWasmEngine(design, capacity);
  if (engine === undefined) {
    if (choice === "wasm") throw new ConfigError("the WebAssembly SIMD resampler is not available on this runtime");
    engine = createJsEngine(design, capacity);
  }
  return new StreamingResampler(design, engine, quality, output) as unknown as Resampler<O>;
}

type Samples = Int16Array | Float32Array;

class StreamingResampler {
  readonly fromRate: number;
  readonly toRate: number;
  readonly backend: "wasm" | "js";
  readonly latencySamples: number;
  private readonly history: Float32Array;
  private readonly capacity: number;
  private readonly state: KernelState = { pos: 0, phase: 0 };
  private fill = 0;
  private inputCount = 0;
  private outputCount = 0;
  private lastWasFloat = false;

  constructor(
    private readonly design: ResamplerDesign,
    private readonly engine: ResamplerEngine,
    readonly quality: ResamplerQuality,
    private readonly output: ResamplerOutput,
  ) {
    this.fromRate = design.fromRate;
    this.toRate = design.toRate;
    this.backend = engine.name;
    this.latencySamples = Math.ceil((design.halfWidth * design.phases) / design.step);
    this.history = engine.history;
    this.capacity = engine.history.length;
    this.reset();
  }

  outputLength(inputLength: number): number {
    return this.readyAfter(this.fill + inputLength);
  }

  push(chunk: Samples): Samples {
    const floatOut = this.output === "same" ? chunk instanceof Float32Array : this.output === "float32";
    const count = this.outputLength(chunk.length);
    const out = floatOut ? new Float32Array(count) : new Int16Array(count);
    this.process(chunk, out);
    return out;
  }

  pushInto(chunk: Samples, out: Samples): number {
    const count = this.outputLength(chunk.length);
    checkOutputLength(out, count, "resampler.pushInto");
    this.process(chunk, out);
    return count;
  }

  flush(): Samples {
    const floatOut = this.output === "same" ? this.lastWasFloat : this.output === "float32";
    const total = Math.floor((this.inputCount * this.design.phases + this.design.step - 1) / this.design.step);
    let remaining = total - this.outputCount;
    const out = floatOut ? new Float32Array(remaining) : new Int16Array(remaining);
    let offset = 0;
    while (remaining > 0) {
      // The stream continues with silence until its last output instant is covered.
      this.compact();
      this.history.fill(0, this.fill, this.capacity);
      this.fill = this.capacity;
      const ready = Math.min(this.readyAfter(this.fill), remaining);
      this.run(ready, out, offset);
      offset += ready;
      remaining -= ready;
    }
    this.reset();
    return out;
  }

  reset(): void {
    const priming = this.design.primingSamples;
    this.history.fill(0, 0, priming);
    this.fill = priming;
    this.state.pos = 0;
    this.state.phase = 0;
    this.inputCount = 0;
    this.outputCount = 0;
    this.lastWasFloat = false;
  }

  /** Outputs computable once the history holds `fill` samples. */
  private readyAfter(fill: number): number {
    const lead = fill - this.design.taps - this.state.pos;
    if (lead < 0) return 0;
    const { phases, step } = this.design;
    return Math.floor((lead * phases + phases - 1 - this.state.phase) / step) + 1;
  }

  private process(chunk: Samples, out: Samples): void {
    const isFloat = chunk instanceof Float32Array;
    this.lastWasFloat = isFloat;
    const n = chunk.length;
    this.inputCount += n;
    let offset = 0;
    let i = 0;
    while (i < n) {
      this.compact();
      const take = Math.min(this.capacity - this.fill, n - i);
      if (isFloat) this.engine.writeFloat32(chunk, i, take, this.fill);
      else this.engine.writeInt16(chunk as Int16Array, i, take, this.fill);
      this.fill += take;
      i += take;
      const ready = this.readyAfter(this.fill);
      if (ready > 0) {
        this.run(ready, out, offset);
        offset += ready;
      }
    }
  }

  private run(count: number, out: Samples, offset: number): void {
    if (out instanceof Float32Array) this.engine.runFloat32(this.state, count, out, offset);
    else this.engine.runInt16(this.state, count, out, offset);
    this.outputCount += count;
  }

  /** Drops history no future output needs (everything before the next output's oldest tap). */
  private compact(): void {
    const pos = this.state.pos;
    if (pos === 0) return;
    this.history.copyWithin(0, pos, this.fill);
    this.fill -= pos;
    this.state.pos = 0;
  }
}

class PassThroughResampler {
  readonly backend = "passthrough";
  readonly latencySamples = 0;
  readonly fromRate: number;
  readonly toRate: number;
  private lastWasFloat = false;

  constructor(
    rate: number,
    readonly quality: ResamplerQuality,
    private readonly output: ResamplerOutput,
  ) {
    this.fromRate = rate;
    this.toRate = rate;
  }

  outputLength(inputLength: number): number {
    return inputLength;
  }

  push(chunk: Samples): Samples {
    this.lastWasFloat = chunk instanceof Float32Array;
    if (this.output === "int16" && chunk instanceof Float32Array) return float32ToPcm16(chunk);
    if (this.output === "float32" && chunk instanceof Int16Array) return pcm16ToFloat32(chunk);
    return chunk;
  }

  pushInto(chunk: Samples, out: Samples): number {
    checkOutputLength(out, chunk.length, "resampler.pushInto");
    this.lastWasFloat = chunk instanceof Float32Array;
    if (out instanceof Int16Array) {
      if (chunk instanceof Int16Array) out.set(chunk);
      else float32ToPcm16(chunk, out);
    } else if (chunk instanceof Float32Array) out.set(chunk);
    else pcm16ToFloat32(chunk, out);
    return chunk.length;
  }

  flush(): Samples {
    const floatOut = this.output === "same" ? this.lastWasFloat : this.output === "float32";
    this.lastWasFloat = false;
    return floatOut ? new Float32Array(0) : new Int16Array(0);
  }

  reset(): void {
    this.lastWasFloat = false;
  }
}
