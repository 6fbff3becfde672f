import { describe, expect, it } from "vitest";
import { LevelMeter } from "./level.js";

describe("LevelMeter", () => {
  it("measures peak and RMS of floats and of PCM16 alike, then starts over", () => {
    const meter = new LevelMeter();
    meter.addFloat32(Float32Array.of(0.5, -0.5, 0.5, -0.5));
    meter.addInt16(Int16Array.of(-16384, 16384));
    expect(meter.take()).toEqual({ peak: 0.5, rms: 0.5 });
    expect(meter.take()).toEqual({ peak: 0, rms: 0 });
    meter.addFloat32(Float32Array.of(1, 0));
    expect(meter.take().rms).toBeCloseTo(Math.SQRT1_2);
  });
});
