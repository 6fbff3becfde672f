import { zeroCrossingHz } from "@voxwire/conformance";
import { createFramer, createResampler } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { CaptureCore } from "./capture-core.js";

/** A sine at `hz`, `seconds` long, as floats at `rate`. */
function sine(hz: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
}

/** Feeds `input` in blocks of `block` samples (an AudioWorklet hands 128). */
function capture(core: CaptureCore, input: Float32Array, block = 128): void {
  for (let i = 0; i < input.length; i += block) core.process(input.subarray(i, i + block));
}

function collect(options: ConstructorParameters<typeof CaptureCore>[0]): { core: CaptureCore; frames: Int16Array[]; levels: number[] } {
  const frames: Int16Array[] = [];
  const levels: number[] = [];
  const core = new CaptureCore(options, (frame, peak) => {
    frames.push(frame);
    levels.push(peak);
  });
  return { core, frames, levels };
}

describe("CaptureCore", () => {
  it("turns 48 kHz render quanta into 20 ms frames of 320 samples at 16 kHz, exactly what core's resampler and framer give for the whole stream", () => {
    const input = sine(440, 48000, 1);
    const { core, frames } = collect({ inputRate: 48000, outputRate: 16000, frameMs: 20, quality: "voice" });
    capture(core, input);
    expect(core.frameSamples).toBe(320);
    expect(frames.every((f) => f.length === 320)).toBe(true);

    const expected: Int16Array[] = [];
    const whole = createResampler(48000, 16000, { quality: "voice", output: "int16" }).push(input);
    createFramer({ frameSamples: 320 }).push(whole, (f) => expected.push(f));
    expect(frames).toEqual(expected);
    expect(frames.length).toBe(Math.floor(whole.length / 320));
  });

  it("hands each frame over in a buffer of its own, so it can be transferred", () => {
    const { core, frames } = collect({ inputRate: 48000, outputRate: 16000, frameMs: 20, quality: "voice" });
    capture(core, sine(300, 48000, 0.2));
    const buffers = new Set(frames.map((f) => f.buffer));
    expect(buffers.size).toBe(frames.length);
    expect(frames.every((f) => f.byteOffset === 0 && f.buffer.byteLength === 640)).toBe(true);
  });

  it.each([
    [48000, 16000, 440],
    [44100, 24000, 440],
    [44100, 16000, 1000],
    [16000, 16000, 440],
  ])("keeps a tone's frequency from %i Hz to %i Hz (%i Hz tone)", (inputRate, outputRate, hz) => {
    const { core, frames } = collect({ inputRate, outputRate, frameMs: 20, quality: "voice" });
    capture(core, sine(hz, inputRate, 1));
    const all = Int16Array.from(frames.flatMap((f) => [...f]));
    expect(zeroCrossingHz(all.subarray(outputRate / 10), outputRate)).toBeCloseTo(hz, 0);
  });

  it("reports each frame's level and is a pass-through at equal rates", () => {
    const { core, frames, levels } = collect({ inputRate: 16000, outputRate: 16000, frameMs: 20, quality: "voice" });
    expect(core.resampler.backend).toBe("passthrough");
    capture(core, sine(440, 16000, 0.1, 0.25));
    expect(frames.length).toBe(5);
    expect(Math.max(...levels)).toBeCloseTo(0.25, 2);
  });

  it("takes blocks of any length", () => {
    const input = sine(440, 48000, 0.5);
    const a = collect({ inputRate: 48000, outputRate: 24000, frameMs: 20, quality: "voice" });
    const b = collect({ inputRate: 48000, outputRate: 24000, frameMs: 20, quality: "voice" });
    capture(a.core, input, 128);
    capture(b.core, input, 1000); // longer than the scratch buffer was sized for
    expect(b.frames).toEqual(a.frames);
  });

  it("refuses rates and frame lengths that cannot work with typed errors", () => {
    const sink = () => {};
    expect(() => new CaptureCore({ inputRate: 48000, outputRate: 0, frameMs: 20, quality: "voice" }, sink)).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
    expect(() => new CaptureCore({ inputRate: 48000, outputRate: 16000, frameMs: 0, quality: "voice" }, sink)).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
    expect(() => new CaptureCore({ inputRate: 44100, outputRate: 22050, frameMs: 0.01, quality: "voice" }, sink)).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
  });
});
