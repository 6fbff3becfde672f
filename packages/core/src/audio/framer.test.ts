import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AudioDataError, ConfigError } from "../errors/error-classes.js";
import { createByteFramer, createFramer, createPcm16ByteFramer, frameSamplesFor } from "./framer.js";
import { pcm16ToBytes } from "./pcm-bytes.js";

/** Splits `length` at the given cut points (sorted, possibly repeated: empty chunks). */
function cuts(length: number, points: number[]): [number, number][] {
  const sorted = points.map((p) => p % (length + 1)).sort((a, b) => a - b);
  const bounds = [0, ...sorted, length];
  return bounds.slice(1).map((end, i) => [bounds[i]!, end]);
}

function collect<T>(run: (emit: (frame: T) => void) => void): T[] {
  const frames: T[] = [];
  run((frame) => frames.push(frame));
  return frames;
}

describe("createFramer", () => {
  it("emits exact frames, carries the residual, and flushes it short or padded", () => {
    const framer = createFramer({ frameSamples: 4 });
    const frames = collect<Int16Array>((emit) => {
      framer.push(Int16Array.of(1, 2, 3), emit);
      framer.push(Int16Array.of(4, 5, 6, 7, 8, 9, 10), emit);
    });
    expect(frames.map((f) => Array.from(f))).toEqual([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    expect(framer.pendingSamples).toBe(2);
    const copy = createFramer({ frameSamples: 4 });
    copy.push(Int16Array.of(9, 10), () => {});
    expect(collect<Int16Array>((emit) => framer.flush(emit)).map((f) => Array.from(f))).toEqual([[9, 10]]);
    expect(collect<Int16Array>((emit) => copy.flush(emit, { pad: true })).map((f) => Array.from(f))).toEqual([[9, 10, 0, 0]]);
    expect(collect<Int16Array>((emit) => framer.flush(emit))).toEqual([]);
  });

  it("emits fresh frames that later pushes never overwrite", () => {
    const framer = createFramer({ frameSamples: 2 });
    const input = Int16Array.of(1, 2, 3, 4);
    const frames = collect<Int16Array>((emit) => framer.push(input, emit));
    input.fill(0);
    framer.push(Int16Array.of(7, 7), () => {});
    expect(frames.map((f) => Array.from(f))).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(frames[0]!.buffer).not.toBe(frames[1]!.buffer);
  });

  test.prop([fc.int16Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 400 }), fc.boolean()])(
    "sharedBuffers: the same frames as fresh arrays, kept intact by later frames, never overlapping",
    (samples, points, frameSamples, pad) => {
      const fresh = createFramer({ frameSamples });
      const shared = createFramer({ frameSamples, sharedBuffers: true });
      const run = (framer: typeof fresh) =>
        collect<Int16Array>((emit) => {
          for (const [start, end] of cuts(samples.length, points)) framer.push(samples.subarray(start, end), emit);
          framer.flush(emit, { pad });
        });
      const got = run(shared);
      // Frames from a second stream land in the same slabs after the first stream's frames.
      run(createFramer({ frameSamples, sharedBuffers: true }));
      expect(got).toEqual(run(fresh));
      const spans = got
        .filter((frame) => frame.length > 0)
        .map((frame) => ({ buffer: frame.buffer, start: frame.byteOffset, end: frame.byteOffset + frame.byteLength }));
      for (const [i, a] of spans.entries())
        for (const b of spans.slice(i + 1)) if (a.buffer === b.buffer) expect(a.end <= b.start || b.end <= a.start).toBe(true);
    },
  );

  it("sharedBuffers: small frames share a buffer, which is why they must not be transferred", () => {
    const frames = collect<Int16Array>((emit) => createFramer({ frameSamples: 160, sharedBuffers: true }).push(new Int16Array(1600), emit));
    expect(frames).toHaveLength(10);
    // 3.2 kB of frames in a 16 kB slab: where an earlier test left the slab, at most one new one starts
    expect(new Set(frames.map((f) => f.buffer)).size).toBeLessThanOrEqual(2);
  });

  it("reuses one buffer when asked, for a zero-allocation consumer", () => {
    const framer = createFramer({ frameSamples: 2, reuseFrame: true });
    const seen: Int16Array[] = [];
    const values: number[][] = [];
    framer.push(Int16Array.of(1, 2, 3, 4, 5), (f) => {
      seen.push(f);
      values.push(Array.from(f));
    });
    expect(seen[0]).toBe(seen[1]);
    expect(values).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("sizes frames from a rate and a duration, and refuses fractional frames", () => {
    expect(createFramer({ sampleRate: 8000, frameMs: 20 }).frameSamples).toBe(160);
    expect(frameSamplesFor(44100, 10)).toBe(441);
    expect(() => frameSamplesFor(11025, 20)).toThrow(ConfigError);
    expect(() => createFramer({ frameSamples: 0 })).toThrow(ConfigError);
  });

  test.prop([fc.int16Array({ maxLength: 500 }), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 37 }), fc.boolean()])(
    "any chunking (empty and 1-sample chunks included) yields the frames of one whole push",
    (samples, points, frameSamples, pad) => {
      const whole = createFramer({ frameSamples });
      const expected = collect<Int16Array>((emit) => {
        whole.push(samples, emit);
        whole.flush(emit, { pad });
      });
      const chunked = createFramer({ frameSamples });
      const got = collect<Int16Array>((emit) => {
        for (const [start, end] of cuts(samples.length, points)) chunked.push(samples.subarray(start, end), emit);
        chunked.flush(emit, { pad });
      });
      expect(got).toEqual(expected);
      const flat = got.flatMap((f) => Array.from(f));
      expect(flat.slice(0, samples.length)).toEqual(Array.from(samples));
      for (const frame of got.slice(0, -1)) expect(frame.length).toBe(frameSamples);
    },
  );
});

describe("createByteFramer", () => {
  it("frames one-byte codes (μ-law, A-law)", () => {
    const framer = createByteFramer({ sampleRate: 8000, frameMs: 20 });
    const frames = collect<Uint8Array>((emit) => framer.push(new Uint8Array(400).fill(0xff), emit));
    expect(frames.map((f) => f.length)).toEqual([160, 160]);
    expect(framer.pendingSamples).toBe(80);
  });
});

describe("createPcm16ByteFramer", () => {
  test.prop([fc.int16Array({ maxLength: 400 }), fc.array(fc.nat(), { maxLength: 12 }), fc.integer({ min: 1, max: 50 }), fc.boolean(), fc.boolean()])(
    "bytes split anywhere, mid-sample included, give the frames of the whole",
    (samples, points, frameSamples, pad, reuseFrame) => {
      const bytes = pcm16ToBytes(samples).slice();
      const framer = createPcm16ByteFramer({ frameSamples, reuseFrame });
      const got = collect<Int16Array>((emit) => {
        for (const [start, end] of cuts(bytes.length, points)) framer.push(bytes.subarray(start, end), (f) => emit(f.slice()));
        framer.flush((f) => emit(f.slice()), { pad });
      });
      const expected = createFramer({ frameSamples });
      const want = collect<Int16Array>((emit) => {
        expected.push(samples, emit);
        expected.flush(emit, { pad });
      });
      expect(got).toEqual(want);
    },
  );

  it("carries an odd byte to the next chunk and reports one left at flush", () => {
    const framer = createPcm16ByteFramer({ frameSamples: 2 });
    const frames = collect<Int16Array>((emit) => {
      framer.push(Uint8Array.of(0x01), emit);
      framer.push(Uint8Array.of(0x00, 0x02, 0x00, 0x03), emit);
    });
    expect(frames.map((f) => Array.from(f))).toEqual([[1, 2]]);
    const tail: Int16Array[] = [];
    expect(() => framer.flush((f) => tail.push(f))).toThrow(AudioDataError);
    expect(tail.map((f) => Array.from(f))).toEqual([]);
    expect(framer.pendingSamples).toBe(0);
    framer.push(Uint8Array.of(5, 0, 6), () => {});
    const last: Int16Array[] = [];
    expect(() => framer.flush((f) => last.push(f))).toThrow(AudioDataError);
    expect(last.map((f) => Array.from(f))).toEqual([[5]]);
  });
});
