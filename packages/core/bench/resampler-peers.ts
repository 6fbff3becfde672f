/*
 * Every resampler in the comparison behind one streaming interface. Peers run through their
 * own best API: speexdsp (WebAssembly SIMD) and voxwire on PCM16, libsamplerate on Float32 (its
 * only API), wave-resampler on whatever it is given (stateless, so per chunk); the vendor-guide
 * methods are stateless per chunk, as the guides write them.
 */
// Default imports: these CommonJS/UMD packages have no named ESM exports under Node.
import LibSampleRate from "@alexanderolsen/libsamplerate-js";
import createSpeexModule, { type SpeexModule } from "@echogarden/speex-resampler-wasm/simd";
import waveResampler from "wave-resampler";
import { createResampler, type ResamplerBackendChoice, type ResamplerQuality } from "../src/index.js";

/** A stream: push chunks, get what is ready; flush drains the tail. Float samples in [−1, 1]. */
export interface FloatStream {
  push(chunk: Float32Array): Float32Array;
  flush(): Float32Array;
  destroy(): void;
}

/** The throughput form: one call per 20 ms chunk, into a reused output buffer where the API allows. */
export interface HotStream {
  push(chunk: Int16Array | Float32Array): number;
  destroy(): void;
}

export interface ResamplerEntry {
  name: string;
  group: "voxwire" | "peer" | "vendor-guide";
  /** The sample format its throughput is measured in. */
  format: "int16" | "float32";
  float(from: number, to: number): Promise<FloatStream>;
  hot(from: number, to: number): Promise<HotStream>;
}

function voxwire(quality: ResamplerQuality, backend: ResamplerBackendChoice): ResamplerEntry {
  return {
    name: `voxwire ${quality}${backend === "js" ? " (TypeScript)" : backend === "wasm" ? " (wasm SIMD)" : ""}`,
    group: "voxwire",
    format: "int16",
    async float(from, to) {
      const r = createResampler(from, to, { quality, backend, output: "float32" });
      return { push: (c) => r.push(c), flush: () => r.flush(), destroy: () => {} };
    },
    async hot(from, to) {
      const r = createResampler(from, to, { quality, backend });
      const out = new Int16Array(Math.ceil((from / 50) * (to / from)) + 2);
      return { push: (c) => r.pushInto(c, out), destroy: () => {} };
    },
  };
}

let speexModule: Promise<SpeexModule> | undefined;

function speex(quality: number): ResamplerEntry {
  const open = async (from: number, to: number, capacity: number) => {
    speexModule ??= createSpeexModule();
    const m = await speexModule;
    const err = m._malloc(4);
    const state = m._speex_resampler_init(1, from, to, quality, err);
    const input = m._malloc(capacity * 4);
    const output = m._malloc(capacity * 4 * 8);
    const lengths = m._malloc(8);
    return { m, state, input, output, lengths, err };
  };
  const close = (s: Awaited<ReturnType<typeof open>>) => {
    s.m._speex_resampler_destroy(s.state);
    for (const p of [s.input, s.output, s.lengths, s.err]) s.m._free(p);
  };
  return {
    name: `speexdsp q${quality} (wasm SIMD)`,
    group: "peer",
    format: "int16",
    async float(from, to) {
      const s = await open(from, to, 1 << 16);
      const { m } = s;
      const run = (chunk: Float32Array): Float32Array => {
        const parts: Float32Array[] = [];
        for (let done = 0; done < chunk.length; ) {
          const n = Math.min(chunk.length - done, 1 << 16);
          m.HEAPF32.set(chunk.subarray(done, done + n), s.input >> 2);
          m.HEAPU32[s.lengths >> 2] = n;
          m.HEAPU32[(s.lengths >> 2) + 1] = (1 << 16) * 8;
          m._speex_resampler_process_float(s.state, 0, s.input, s.lengths, s.output, s.lengths + 4);
          const used = m.HEAPU32[s.lengths >> 2]!;
          const made = m.HEAPU32[(s.lengths >> 2) + 1]!;
          parts.push(m.HEAPF32.slice(s.output >> 2, (s.output >> 2) + made));
          done += used;
        }
        return concatFloat(parts);
      };
      return {
        push: run,
        flush: () => run(new Float32Array(m._speex_resampler_get_input_latency(s.state))),
        destroy: () => close(s),
      };
    },
    async hot(from, to) {
      const capacity = from / 50;
      const s = await open(from, to, capacity);
      const { m } = s;
      const out = new Int16Array(Math.ceil(capacity * (to / from)) + 16);
      return {
        push(chunk) {
          m.HEAP16.set(chunk as Int16Array, s.input >> 1);
          m.HEAPU32[s.lengths >> 2] = chunk.length;
          m.HEAPU32[(s.lengths >> 2) + 1] = out.length;
          m._speex_resampler_process_int(s.state, 0, s.input, s.lengths, s.output, s.lengths + 4);
          const made = m.HEAPU32[(s.lengths >> 2) + 1]!;
          out.set(m.HEAP16.subarray(s.output >> 1, (s.output >> 1) + made));
          return made;
        },
        destroy: () => close(s),
      };
    },
  };
}

function libsamplerate(label: string, converterType: number): ResamplerEntry {
  return {
    name: `libsamplerate-js ${label}`,
    group: "peer",
    format: "float32",
    async float(from, to) {
      const src = await LibSampleRate.create(1, from, to, { converterType: converterType as 0 });
      const latency = Math.ceil(from * 0.05);
      return {
        push: (c) => (c.length === 0 ? new Float32Array(0) : src.full(c).slice()),
        flush: () => src.full(new Float32Array(latency)).slice(),
        destroy: () => src.destroy(),
      };
    },
    async hot(from, to) {
      const src = await LibSampleRate.create(1, from, to, { converterType: converterType as 0 });
      const out = new Float32Array(Math.ceil((from / 50) * (to / from)) + 16);
      const length = { frames: 0 };
      return {
        push(chunk) {
          src.full(chunk as Float32Array, out, length);
          return length.frames;
        },
        destroy: () => src.destroy(),
      };
    },
  };
}

const waveResamplerEntry: ResamplerEntry = {
  name: "wave-resampler (default: cubic + IIR LPF), per chunk",
  group: "peer",
  format: "float32",
  async float(from, to) {
    return { push: (c) => Float32Array.from(waveResampler.resample(c, from, to)), flush: () => new Float32Array(0), destroy: () => {} };
  },
  async hot(from, to) {
    return { push: (c) => waveResampler.resample(c, from, to).length, destroy: () => {} };
  },
};

/** Sample dropping / repeating, per chunk: out[i] = in[floor(i · from / to)]. */
function pick<T extends Int16Array | Float32Array>(chunk: T, from: number, to: number, out: T): number {
  const n = Math.floor((chunk.length * to) / from);
  for (let i = 0; i < n; i++) out[i] = chunk[Math.floor((i * from) / to)]!;
  return n;
}

/** Linear interpolation, per chunk, no state: the chunk's last sample is held at its end. */
function lerp<T extends Int16Array | Float32Array>(chunk: T, from: number, to: number, out: T): number {
  const n = Math.floor((chunk.length * to) / from);
  const last = chunk.length - 1;
  for (let i = 0; i < n; i++) {
    const t = (i * from) / to;
    const k = Math.floor(t);
    const a = chunk[k]!;
    const b = chunk[k < last ? k + 1 : last]!;
    out[i] = a + (b - a) * (t - k);
  }
  return n;
}

function vendorGuide(name: string, method: typeof pick): ResamplerEntry {
  return {
    name,
    group: "vendor-guide",
    format: "int16",
    async float(from, to) {
      return {
        push(c) {
          const out = new Float32Array(Math.floor((c.length * to) / from));
          method(c, from, to, out);
          return out;
        },
        flush: () => new Float32Array(0),
        destroy: () => {},
      };
    },
    async hot(from, to) {
      const out = new Int16Array(Math.ceil((from / 50) * (to / from)) + 2);
      return { push: (c) => method(c as Int16Array, from, to, out), destroy: () => {} };
    },
  };
}

function concatFloat(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export const RESAMPLERS: ResamplerEntry[] = [
  voxwire("voice", "wasm"),
  voxwire("voice", "js"),
  voxwire("fast", "wasm"),
  voxwire("high", "wasm"),
  voxwire("high", "js"),
  speex(3),
  speex(5),
  libsamplerate("SINC_FASTEST", LibSampleRate.ConverterType.SRC_SINC_FASTEST),
  libsamplerate("SINC_MEDIUM", LibSampleRate.ConverterType.SRC_SINC_MEDIUM_QUALITY),
  libsamplerate("SINC_BEST", LibSampleRate.ConverterType.SRC_SINC_BEST_QUALITY),
  waveResamplerEntry,
  vendorGuide("decimate / duplicate (vendor guides)", pick),
  vendorGuide("stateless linear (vendor guides)", lerp),
];

export { concatFloat };
