import type { ResamplerDesign } from "./resampler-design.js";
import { FLOAT_INPUT_LIMIT, type ResamplerEngine } from "./resampler-engine.js";
import { resamplerKernel } from "./resampler-kernel-source.js";

/*
 * The WebAssembly SIMD engine: the kernel (wasm/resampler-kernel.wat, ~1 kB) is compiled once
 * per process, synchronously (small enough for every main thread), and instantiated per
 * resampler over a memory of its own that never grows, so the views below stay valid and the
 * memory is collected with the resampler. Where WebAssembly, SIMD or the right to compile
 * (a CSP without 'wasm-unsafe-eval') is missing, `createWasmEngine` returns undefined and the
 * TypeScript loops run instead. Cloudflare Workers refuse to compile bytes at all: there the
 * kernel arrives compiled, as an imported `.wasm` module (resampler-kernel-source.workerd.ts).
 */

interface KernelExports {
  run_i16(
    coef: number,
    taps: number,
    phases: number,
    posStep: number,
    phaseStep: number,
    hist: number,
    pos: number,
    phase: number,
    count: number,
    out: number,
  ): void;
  run_f32(
    coef: number,
    taps: number,
    phases: number,
    posStep: number,
    phaseStep: number,
    hist: number,
    pos: number,
    phase: number,
    count: number,
    out: number,
    scale: number,
  ): void;
  load_i16(src: number, dst: number, n: number): void;
  load_f32(src: number, dst: number, n: number, limit: number): void;
}

/** Outputs computed per kernel call: bounds the output staging area. */
const OUT_BLOCK = 4096;
/** Room past each area for the kernel's whole-vector reads and writes. */
const SLACK_BYTES = 64;
const PAGE_BYTES = 65536;

let kernel: WebAssembly.Module | null | undefined;

function kernelModule(): WebAssembly.Module | undefined {
  if (kernel === undefined) {
    kernel = null;
    try {
      if (typeof WebAssembly === "object" && typeof WebAssembly.Module === "function") {
        const source = resamplerKernel();
        if (source instanceof WebAssembly.Module) kernel = source;
        // validate() is false where SIMD is unsupported: the module uses v128 throughout.
        else if (WebAssembly.validate(source)) kernel = new WebAssembly.Module(source);
      }
    } catch {
      kernel = null;
    }
  }
  return kernel ?? undefined;
}

/** True where WebAssembly with SIMD can run the kernel. */
export function wasmSimdAvailable(): boolean {
  return kernelModule() !== undefined;
}

function align(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}

/** The WebAssembly SIMD engine, or undefined where WebAssembly or SIMD is unavailable. */
export function createWasmEngine(design: ResamplerDesign, capacity: number): ResamplerEngine | undefined {
  const module = kernelModule();
  if (module === undefined) return undefined;
  const coefOffset = 0;
  const histOffset = align(design.coefficients.byteLength + SLACK_BYTES);
  const stageOffset = align(histOffset + capacity * 4 + SLACK_BYTES);
  const outOffset = align(stageOffset + capacity * 4 + SLACK_BYTES);
  const totalBytes = outOffset + OUT_BLOCK * 4 + SLACK_BYTES;
  let k: KernelExports;
  let memory: WebAssembly.Memory;
  try {
    const pages = Math.ceil(totalBytes / PAGE_BYTES);
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as KernelExports;
  } catch {
    return undefined;
  }
  const buffer = memory.buffer;
  new Float32Array(buffer, coefOffset, design.coefficients.length).set(design.coefficients);
  const history = new Float32Array(buffer, histOffset, capacity);
  const stage16 = new Int16Array(buffer, stageOffset, capacity);
  const stage32 = new Float32Array(buffer, stageOffset, capacity);
  const out16 = new Int16Array(buffer, outOffset, OUT_BLOCK);
  const out32 = new Float32Array(buffer, outOffset, OUT_BLOCK);
  // Views of the first n outputs, made once per length: a stream asks for a few lengths only, so
  // after warm-up nothing allocates (AudioWorklets call this every 128 samples), and `set` from a
  // view stays a memcpy (an element loop measured ~15 % slower streaming).
  const out16Views: Int16Array[] = [];
  const out32Views: Float32Array[] = [];
  const { taps, phases, step } = design;
  const posStep = Math.floor(step / phases);
  const phaseStep = step % phases;

  return {
    name: "wasm",
    history,
    writeInt16(chunk, start, count, at) {
      if (count === chunk.length) stage16.set(chunk);
      else copyInt16(chunk, start, stage16, 0, count);
      k.load_i16(stageOffset, histOffset + at * 4, count);
    },
    writeFloat32(chunk, start, count, at) {
      if (count === chunk.length) stage32.set(chunk);
      else copyFloat32(chunk, start, stage32, 0, count);
      k.load_f32(stageOffset, histOffset + at * 4, count, FLOAT_INPUT_LIMIT);
    },
    runInt16(state, count, out, offset) {
      while (count > 0) {
        const n = Math.min(count, OUT_BLOCK);
        k.run_i16(coefOffset, taps, phases, posStep, phaseStep, histOffset, state.pos, state.phase, n, outOffset);
        out.set(firstN(out16Views, out16, n), offset);
        advance(state, n);
        offset += n;
        count -= n;
      }
    },
    runFloat32(state, count, out, offset) {
      while (count > 0) {
        const n = Math.min(count, OUT_BLOCK);
        k.run_f32(coefOffset, taps, phases, posStep, phaseStep, histOffset, state.pos, state.phase, n, outOffset, 1 / 32768);
        out.set(firstN(out32Views, out32, n), offset);
        advance(state, n);
        offset += n;
        count -= n;
      }
    },
  };

  function advance(state: { pos: number; phase: number }, n: number): void {
    const total = state.phase + n * step;
    state.pos += Math.floor(total / phases);
    state.phase = total % phases;
  }
}

/** The view of `source`'s first n elements, made on first use and kept in `views`. */
function firstN<T extends Int16Array | Float32Array>(views: T[], source: T, n: number): T {
  let view = views[n];
  if (view === undefined) {
    view = source.subarray(0, n) as T;
    views[n] = view;
  }
  return view;
}

// A chunk larger than the staging area is written in parts; an indexed copy then avoids a view
// per part. One function per element type keeps each loop monomorphic.
function copyInt16(from: Int16Array, fromAt: number, to: Int16Array, toAt: number, n: number): void {
  for (let i = 0; i < n; i++) to[toAt + i] = from[fromAt + i]!;
}

function copyFloat32(from: Float32Array, fromAt: number, to: Float32Array, toAt: number, n: number): void {
  for (let i = 0; i < n; i++) to[toAt + i] = from[fromAt + i]!;
}
