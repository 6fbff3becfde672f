import type { AudioEncoding } from "../events/audio-format.js";
import { oddByteCountError } from "./audio-errors.js";
import { type AudioPipelineFlushOptions, createAudioPipeline } from "./audio-pipeline.js";
import { base64Decode, base64Encode } from "./base64.js";
import { frameSamplesFor } from "./framer.js";
import { alawDecode, alawEncode } from "./g711-alaw.js";
import { mulawDecode, mulawEncode } from "./g711-mulaw.js";
import { pcm16FromBytes, pcm16ToBytes } from "./pcm-bytes.js";
import type { ResamplerBackendChoice, ResamplerQuality } from "./resampler-types.js";

/*
 * The two directions of a wire, each one pipeline: application PCM → resample → frame → G.711
 * or PCM16LE bytes → base64 on the way out; base64 → bytes → PCM (G.711 decode, or PCM16LE with
 * an odd byte carried between payloads) → resample → frame on the way in.
 */

/** A wire's audio format (the `WireAudioFormat` of the event model). */
export interface WireFormat {
  encoding: AudioEncoding;
  sampleRate: number;
  /** Frame length the peer expects, in ms; omitted = as produced. */
  frameMs?: number;
}

interface StageOptions {
  quality?: ResamplerQuality;
  backend?: ResamplerBackendChoice;
}

export interface WireEncoderOptions extends StageOptions {
  /** Rate of the application's PCM. */
  inputRate: number;
  wire: WireFormat;
  /** Emit base64 text instead of bytes (JSON-framed wires such as Twilio Media Streams). */
  base64?: boolean;
}

export interface WireEncoder<Payload> {
  /** Feeds application PCM; `emit` gets each wire payload (one frame each when `frameMs` is set). */
  push(input: Int16Array | Float32Array, emit: (payload: Payload) => void): void;
  /** Ends the stream: the tail, the last frame padded (`pad: true`) or short. */
  flush(emit: (payload: Payload) => void, options?: AudioPipelineFlushOptions): void;
  reset(): void;
  readonly latencySamples: number;
}

/** Application PCM to wire payloads: resample → frame → encode (→ base64). */
export function createWireEncoder(options: WireEncoderOptions & { base64: true }): WireEncoder<string>;
export function createWireEncoder(options: WireEncoderOptions & { base64?: false }): WireEncoder<Uint8Array>;
export function createWireEncoder(options: WireEncoderOptions): WireEncoder<Uint8Array | string> {
  const { wire } = options;
  const pipeline = createAudioPipeline({
    inputRate: options.inputRate,
    outputRate: wire.sampleRate,
    ...(wire.frameMs === undefined ? {} : { frameSamples: frameSamplesFor(wire.sampleRate, wire.frameMs) }),
    ...stageOptions(options),
  });
  const encode = wire.encoding === "mulaw" ? mulawEncode : wire.encoding === "alaw" ? alawEncode : (frame: Int16Array) => pcm16ToBytes(frame);
  const text = options.base64 === true;
  const out = (emit: (payload: Uint8Array | string) => void) => (frame: Int16Array) => {
    const bytes = encode(frame);
    emit(text ? base64Encode(bytes) : bytes);
  };
  return {
    push: (input, emit) => pipeline.push(input, out(emit)),
    flush: (emit, flushOptions) => pipeline.flush(out(emit), flushOptions),
    reset: () => pipeline.reset(),
    latencySamples: pipeline.latencySamples,
  };
}

export interface WireDecoderOptions extends StageOptions {
  wire: WireFormat;
  /** Rate the application wants. */
  outputRate: number;
  /** Frames of exactly this many samples at `outputRate`; omitted = as decoded. */
  frameSamples?: number;
}

export interface WireDecoder {
  /**
   * Feeds one wire payload, base64 text or bytes; `emit` gets PCM16 at `outputRate`. Invalid
   * base64 throws `AudioDataError` and leaves the stream as it was.
   */
  push(payload: Uint8Array | string, emit: (frame: Int16Array) => void): void;
  /** Ends the stream; a PCM16 byte still dangling throws `AudioDataError` after the rest is emitted. */
  flush(emit: (frame: Int16Array) => void, options?: AudioPipelineFlushOptions): void;
  reset(): void;
  readonly latencySamples: number;
}

/** Wire payloads to application PCM: (base64 →) decode → resample → frame. */
export function createWireDecoder(options: WireDecoderOptions): WireDecoder {
  const { wire } = options;
  const pipeline = createAudioPipeline({
    inputRate: wire.sampleRate,
    outputRate: options.outputRate,
    ...(options.frameSamples === undefined ? {} : { frameSamples: options.frameSamples }),
    ...stageOptions(options),
  });
  /** The first byte of a PCM16 sample split across payloads, or −1. */
  let carry = -1;
  return {
    push(payload, emit) {
      const bytes = typeof payload === "string" ? base64Decode(payload) : payload;
      if (wire.encoding !== "pcm16") {
        if (bytes.length > 0) pipeline.push(wire.encoding === "mulaw" ? mulawDecode(bytes) : alawDecode(bytes), emit);
        return;
      }
      let start = 0;
      if (carry >= 0 && bytes.length > 0) {
        pipeline.push(Int16Array.of(((bytes[0]! << 24) >> 16) | carry), emit);
        carry = -1;
        start = 1;
      }
      const end = start + ((bytes.length - start) & ~1);
      if (end > start) pipeline.push(pcm16FromBytes(bytes.subarray(start, end)), emit);
      if (end < bytes.length) carry = bytes[end]!;
    },
    flush(emit, flushOptions) {
      const dangling = carry >= 0;
      carry = -1;
      pipeline.flush(emit, flushOptions);
      if (dangling) throw oddByteCountError(1);
    },
    reset() {
      carry = -1;
      pipeline.reset();
    },
    latencySamples: pipeline.latencySamples,
  };
}

function stageOptions(options: StageOptions): StageOptions {
  return {
    ...(options.quality === undefined ? {} : { quality: options.quality }),
    ...(options.backend === undefined ? {} : { backend: options.backend }),
  };
}
