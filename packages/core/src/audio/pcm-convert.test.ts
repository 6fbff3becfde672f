import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { float32ToPcm16, pcm16ToFloat32 } from "./pcm-convert.js";

const ALL_INT16 = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);

describe("pcm16ToFloat32 / float32ToPcm16", () => {
  it("round-trips every PCM16 value exactly", () => {
    const floats = pcm16ToFloat32(ALL_INT16);
    expect(floats[0]).toBe(-1);
    expect(floats[65535]).toBe(32767 / 32768);
    expect(float32ToPcm16(floats)).toEqual(ALL_INT16);
  });

  it("clamps out-of-range floats, rounds half away from zero and maps NaN to 0", () => {
    const input = Float32Array.of(
      1,
      2,
      -1,
      -2,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      Number.NaN,
      0.5 / 32768,
      -0.5 / 32768,
      1.49 / 32768,
    );
    expect(Array.from(float32ToPcm16(input))).toEqual([32767, 32767, -32768, -32768, 32767, -32768, 0, 1, -1, 1]);
  });

  it("writes into a caller's buffer and returns a view of the written part", () => {
    const out = new Float32Array(8);
    const got = pcm16ToFloat32(Int16Array.of(16384, -16384), out);
    expect(got.buffer).toBe(out.buffer);
    expect(Array.from(got)).toEqual([0.5, -0.5]);
    const exact = new Int16Array(2);
    expect(float32ToPcm16(Float32Array.of(0.25, -0.25), exact)).toBe(exact);
    expect(() => float32ToPcm16(Float32Array.of(0, 0, 0), exact)).toThrow(RangeError);
  });

  test.prop([fc.float32Array({ noDefaultInfinity: true, noNaN: true, min: -1, max: 1 })])(
    "float → PCM16 → float stays within half a step of the input",
    (samples) => {
      const back = pcm16ToFloat32(float32ToPcm16(samples));
      for (let i = 0; i < samples.length; i++) {
        const limit = samples[i]! >= 32767 / 32768 ? 1 / 32768 : 0.5 / 32768;
        expect(Math.abs(back[i]! - samples[i]!)).toBeLessThanOrEqual(limit + 1e-12);
      }
    },
  );

  test.prop([fc.float32Array()])("never throws and always lands in range", (samples) => {
    const pcm = float32ToPcm16(samples);
    expect(pcm.length).toBe(samples.length);
  });
});
