import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createAudioPipeline } from "./audio-pipeline.js";
import { createResampler } from "./resampler.js";

function collect(run: (emit: (frame: Int16Array) => void) => void): Int16Array[] {
  const frames: Int16Array[] = [];
  run((frame) => frames.push(frame));
  return frames;
}

describe("createAudioPipeline at equal rates", () => {
  it("passes Int16 chunks through without a copy when no framing is asked", () => {
    const pipeline = createAudioPipeline({ inputRate: 16000, outputRate: 16000 });
    const chunk = Int16Array.of(1, 2, 3);
    const frames = collect((emit) => pipeline.push(chunk, emit));
    expect(frames).toHaveLength(1);
    expect(frames[0]).toBe(chunk);
    expect(pipeline.latencySamples).toBe(0);
    expect(collect((emit) => pipeline.push(new Int16Array(0), emit))).toEqual([]);
  });

  it("converts Float32 input to PCM16", () => {
    const pipeline = createAudioPipeline({ inputRate: 8000, outputRate: 8000 });
    const frames = collect((emit) => pipeline.push(Float32Array.of(0.5, -1, 1), emit));
    expect(frames.map((f) => Array.from(f))).toEqual([[16384, -32768, 32767]]);
  });

  it("frames into fresh arrays of exactly frameSamples and pads the last one on request", () => {
    const pipeline = createAudioPipeline({ inputRate: 8000, outputRate: 8000, frameSamples: 160 });
    const chunk = new Int16Array(200).fill(7);
    const frames = collect((emit) => pipeline.push(chunk, emit));
    expect(frames.map((f) => f.length)).toEqual([160]);
    expect(frames[0]!.buffer).not.toBe(chunk.buffer);
    const tail = collect((emit) => pipeline.flush(emit, { pad: true }));
    expect(tail.map((f) => f.length)).toEqual([160]);
    expect(Array.from(tail[0]!.subarray(38, 42))).toEqual([7, 7, 0, 0]);
    expect(collect((emit) => pipeline.flush(emit))).toEqual([]);
  });
});

describe("createAudioPipeline across rates", () => {
  it("resamples then frames: 48 kHz in, 20 ms frames at 16 kHz out", () => {
    const pipeline = createAudioPipeline({ inputRate: 48000, outputRate: 16000, frameSamples: 320 });
    expect(pipeline.latencySamples).toBe(createResampler(48000, 16000).latencySamples);
    const frames = collect((emit) => {
      for (let i = 0; i < 10; i++) pipeline.push(new Float32Array(480).fill(0.25), emit);
      pipeline.flush(emit, { pad: true });
    });
    expect(frames.map((f) => f.length)).toEqual([320, 320, 320, 320, 320]);
    const flat = frames.flatMap((f) => Array.from(f));
    // A constant is kept exactly, away from the onset and the end, where the filter sees the edges.
    const edge = pipeline.latencySamples + 2;
    expect(flat.slice(edge, 1600 - edge).every((v) => v === 8192)).toBe(true);
    expect(flat.slice(1600).every((v) => v === 0)).toBe(true);
  });

  it("emits what the resampler produced per push when no framing is asked", () => {
    const pipeline = createAudioPipeline({ inputRate: 8000, outputRate: 16000 });
    const reference = createResampler(8000, 16000, { output: "int16" });
    const chunk = new Int16Array(160).fill(300);
    const frames = collect((emit) => pipeline.push(chunk, emit));
    expect(frames).toEqual([reference.push(chunk)]);
    expect(collect((emit) => pipeline.flush(emit))).toEqual([reference.flush()]);
  });

  test.prop(
    [
      fc.int16Array({ maxLength: 2000 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      fc.constantFrom(8000, 16000, 24000, 44100),
      fc.integer({ min: 1, max: 400 }),
    ],
    {
      numRuns: 40,
    },
  )("frames of any chunking equal those of one push", (samples, points, inputRate, frameSamples) => {
    const run = (chunks: Int16Array[]) => {
      const pipeline = createAudioPipeline({ inputRate, outputRate: 16000, frameSamples });
      return collect((emit) => {
        for (const chunk of chunks) pipeline.push(chunk, emit);
        pipeline.flush(emit);
      });
    };
    const sorted = points.map((p) => p % (samples.length + 1)).sort((a, b) => a - b);
    const bounds = [0, ...sorted, samples.length];
    const chunks = bounds.slice(1).map((end, i) => samples.subarray(bounds[i]!, end));
    const whole = run([samples]);
    expect(run(chunks)).toEqual(whole);
    for (const frame of whole.slice(0, -1)) expect(frame.length).toBe(frameSamples);
  });

  it("forgets everything on reset (barge-in): the next stream starts clean", () => {
    const pipeline = createAudioPipeline({ inputRate: 24000, outputRate: 16000, frameSamples: 320 });
    const fresh = createAudioPipeline({ inputRate: 24000, outputRate: 16000, frameSamples: 320 });
    pipeline.push(new Int16Array(700).fill(20000), () => {});
    pipeline.reset();
    const chunk = new Int16Array(960).fill(-500);
    const after = collect((emit) => pipeline.push(chunk, emit));
    expect(after).toEqual(collect((emit) => fresh.push(chunk, emit)));
    expect(collect((emit) => pipeline.flush(emit))).toEqual(collect((emit) => fresh.flush(emit)));
  });
});
