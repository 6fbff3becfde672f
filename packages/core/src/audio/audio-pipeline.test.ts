import { describe, expect, it } from "vitest";
import { createAudioPipeline } from "./audio-pipeline.js";

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
