import { ConfigError } from "../errors/error-classes.js";
import { oddByteCountError } from "./audio-errors.js";
import { IS_LITTLE_ENDIAN_HOST, pcm16FromBytesCopy } from "./pcm-bytes.js";
import { sharedFrameCopy } from "./shared-frame-copy.js";

/*
 * Framers turn chunks of any size into frames of exactly N samples, carrying the residual in a
 * preallocated frame buffer (never by concatenation). Emitted frames are fresh arrays the
 * consumer may keep, unless `reuseFrame` asks for the zero-allocation form, where every frame
 * is the same internal buffer, valid only during the `emit` call.
 */

export type FrameSize = { frameSamples: number } | { sampleRate: number; frameMs: number };

export type FramerOptions = FrameSize & {
  /** Emit one internal buffer, overwritten by the next frame, instead of a fresh array per frame. */
  reuseFrame?: boolean;
  /**
   * PCM16 framer only: fresh frames carved from shared slabs instead of an ArrayBuffer each (on V8
   * the buffer costs more than the copy). A frame is still the consumer's to keep, but its
   * `.buffer` holds other frames too: read it through the view, never transfer it.
   */
  sharedBuffers?: boolean;
};

export interface FramerFlushOptions {
  /** Zero-pad the residual to a whole frame (true) or emit it as a shorter last frame (false, the default). */
  pad?: boolean;
}

export interface Framer<In, Out = In> {
  readonly frameSamples: number;
  /** Samples held back, waiting for the rest of their frame. */
  readonly pendingSamples: number;
  push(chunk: In, emit: (frame: Out) => void): void;
  /** Emits the residual (padded or short) and empties the framer; nothing when none is held. */
  flush(emit: (frame: Out) => void, options?: FramerFlushOptions): void;
  reset(): void;
}

type SampleArray = Int16Array | Float32Array | Uint8Array;
type SampleArrayConstructor<T extends SampleArray> = new (length: number) => T;

/** Samples per frame for a rate and a duration; the product must be a whole number of samples. */
export function frameSamplesFor(sampleRate: number, frameMs: number): number {
  const exact = (sampleRate * frameMs) / 1000;
  const samples = Math.round(exact);
  if (!(samples >= 1) || Math.abs(exact - samples) > 1e-9) {
    throw new ConfigError(`a ${frameMs} ms frame at ${sampleRate} Hz is not a whole number of samples (${exact})`);
  }
  return samples;
}

function resolveFrameSamples(size: FrameSize): number {
  const n = "frameSamples" in size ? size.frameSamples : frameSamplesFor(size.sampleRate, size.frameMs);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`frameSamples must be a positive integer, got ${n}`);
  return n;
}

/** How a framer makes a fresh frame from samples it holds or was given. */
type Copy<T extends SampleArray> = (source: T, start: number, end: number) => T;
const sliceCopy = <T extends SampleArray>(source: T, start: number, end: number): T => source.slice(start, end) as T;

class TypedFramer<T extends SampleArray> implements Framer<T> {
  readonly frameSamples: number;
  private readonly buffer: T;
  private pending = 0;

  constructor(
    make: SampleArrayConstructor<T>,
    frameSamples: number,
    private readonly reuseFrame: boolean,
    private readonly copy: Copy<T> = sliceCopy,
  ) {
    this.frameSamples = frameSamples;
    this.buffer = new make(frameSamples);
  }

  get pendingSamples(): number {
    return this.pending;
  }

  push(chunk: T, emit: (frame: T) => void): void {
    const frame = this.frameSamples;
    const buffer = this.buffer;
    const n = chunk.length;
    let i = 0;
    if (this.pending > 0) {
      const take = Math.min(frame - this.pending, n);
      for (let k = 0; k < take; k++) buffer[this.pending + k] = chunk[k]!;
      this.pending += take;
      i = take;
      if (this.pending < frame) return;
      this.pending = 0;
      emit(this.reuseFrame ? buffer : this.copy(buffer, 0, frame));
    }
    for (; i + frame <= n; i += frame) {
      if (this.reuseFrame) {
        buffer.set(chunk.subarray(i, i + frame) as ArrayLike<number>);
        emit(buffer);
      } else {
        emit(this.copy(chunk, i, i + frame));
      }
    }
    const rest = n - i;
    for (let k = 0; k < rest; k++) buffer[k] = chunk[i + k]!;
    this.pending = rest;
  }

  flush(emit: (frame: T) => void, options?: FramerFlushOptions): void {
    const held = this.pending;
    this.pending = 0;
    if (held === 0) return;
    if (options?.pad === true) {
      this.buffer.fill(0, held);
      emit(this.reuseFrame ? this.buffer : this.copy(this.buffer, 0, this.frameSamples));
    } else {
      emit(this.copy(this.buffer, 0, held));
    }
  }

  reset(): void {
    this.pending = 0;
  }
}

/** Frames PCM16 samples. */
export function createFramer(options: FramerOptions): Framer<Int16Array> {
  return new TypedFramer(Int16Array, resolveFrameSamples(options), options.reuseFrame === true, options.sharedBuffers ? sharedFrameCopy : sliceCopy);
}

/** Frames float samples. */
export function createFloat32Framer(options: FramerOptions): Framer<Float32Array> {
  return new TypedFramer(Float32Array, resolveFrameSamples(options), options.reuseFrame === true);
}

/** Frames one-byte-per-sample streams (μ-law, A-law): `frameSamples` bytes per frame. */
export function createByteFramer(options: FramerOptions): Framer<Uint8Array> {
  return new TypedFramer(Uint8Array, resolveFrameSamples(options), options.reuseFrame === true);
}

/**
 * Frames PCM16 little-endian bytes split anywhere (mid-sample included) into Int16Array frames.
 * An odd byte is carried to the next chunk; one still held at `flush` throws `AudioDataError`
 * after the complete samples have been emitted, since half a sample cannot be played.
 */
export function createPcm16ByteFramer(options: FramerOptions): Framer<Uint8Array, Int16Array> {
  return new Pcm16ByteFramer(resolveFrameSamples(options), options.reuseFrame === true);
}

class Pcm16ByteFramer implements Framer<Uint8Array, Int16Array> {
  readonly frameSamples: number;
  private readonly frameBytes: number;
  private readonly bytes: Uint8Array;
  private readonly frame: Int16Array;
  private pendingBytes = 0;

  constructor(
    frameSamples: number,
    private readonly reuseFrame: boolean,
  ) {
    this.frameSamples = frameSamples;
    this.frameBytes = frameSamples * 2;
    this.bytes = new Uint8Array(this.frameBytes);
    this.frame = new Int16Array(frameSamples);
  }

  get pendingSamples(): number {
    return this.pendingBytes >> 1;
  }

  push(chunk: Uint8Array, emit: (frame: Int16Array) => void): void {
    const frameBytes = this.frameBytes;
    const bytes = this.bytes;
    const n = chunk.length;
    let i = 0;
    if (this.pendingBytes > 0) {
      const take = Math.min(frameBytes - this.pendingBytes, n);
      for (let k = 0; k < take; k++) bytes[this.pendingBytes + k] = chunk[k]!;
      this.pendingBytes += take;
      i = take;
      if (this.pendingBytes < frameBytes) return;
      this.pendingBytes = 0;
      emit(this.toSamples(bytes, 0, this.frameSamples));
    }
    for (; i + frameBytes <= n; i += frameBytes) emit(this.toSamples(chunk, i, this.frameSamples));
    const rest = n - i;
    for (let k = 0; k < rest; k++) bytes[k] = chunk[i + k]!;
    this.pendingBytes = rest;
  }

  flush(emit: (frame: Int16Array) => void, options?: FramerFlushOptions): void {
    const held = this.pendingBytes;
    this.pendingBytes = 0;
    const samples = held >> 1;
    if (options?.pad === true && held > 0) {
      this.bytes.fill(0, samples * 2);
      emit(this.toSamples(this.bytes, 0, this.frameSamples));
    } else if (samples > 0) {
      emit(this.toSamples(this.bytes, 0, samples, true));
    }
    if ((held & 1) !== 0) throw oddByteCountError(held);
  }

  reset(): void {
    this.pendingBytes = 0;
  }

  /** Samples from `count` PCM16LE sample pairs at `source[offset]`: the shared frame or a fresh array. */
  private toSamples(source: Uint8Array, offset: number, count: number, fresh = false): Int16Array {
    if (this.reuseFrame && !fresh) {
      return pcm16FromBytesCopy(source.subarray(offset, offset + count * 2), this.frame);
    }
    if (IS_LITTLE_ENDIAN_HOST) {
      const start = source.byteOffset + offset;
      return new Int16Array(source.buffer.slice(start, start + count * 2));
    }
    return pcm16FromBytesCopy(source.subarray(offset, offset + count * 2), new Int16Array(count));
  }
}
