import type { ResamplerDesign } from "./resampler-design.js";
import { type KernelState, runKernelFloat32, runKernelInt16 } from "./resampler-kernel-js.js";

/** Float input is clamped to ±64 (±2²¹ in PCM16 units) and NaN becomes 0, so output stays finite. */
export const FLOAT_INPUT_LIMIT = 64 * 32768;

/** Where the filter history lives and which loops fill and filter it. */
export interface ResamplerEngine {
  readonly name: "js" | "wasm";
  /** Filter history in PCM16 units, `capacity` samples. */
  readonly history: Float32Array;
  /** Copies chunk[start, start + count) into history[at…], in PCM16 units. */
  writeInt16(chunk: Int16Array, start: number, count: number, at: number): void;
  writeFloat32(chunk: Float32Array, start: number, count: number, at: number): void;
  /** Computes `count` outputs into out[offset…] and advances `state`. */
  runInt16(state: KernelState, count: number, out: Int16Array, offset: number): void;
  runFloat32(state: KernelState, count: number, out: Float32Array, offset: number): void;
}

export function createJsEngine(design: ResamplerDesign, capacity: number): ResamplerEngine {
  const history = new Float32Array(capacity);
  return {
    name: "js",
    history,
    writeInt16(chunk, start, count, at) {
      for (let k = 0; k < count; k++) history[at + k] = chunk[start + k]!;
    },
    writeFloat32(chunk, start, count, at) {
      for (let k = 0; k < count; k++) {
        const v = chunk[start + k]! * 32768;
        history[at + k] = v >= -FLOAT_INPUT_LIMIT && v <= FLOAT_INPUT_LIMIT ? v : v > 0 ? FLOAT_INPUT_LIMIT : v < 0 ? -FLOAT_INPUT_LIMIT : 0;
      }
    },
    runInt16: (state, count, out, offset) => runKernelInt16(design, history, state, count, out, offset),
    runFloat32: (state, count, out, offset) => runKernelFloat32(design, history, state, count, out, offset),
  };
}
