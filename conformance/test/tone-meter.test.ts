import { describe, expect, it } from "vitest";
import { silence, sine } from "../src/audio/test-signals.js";
import { measureTone, ToneMeter } from "../src/simulator/tone-meter.js";

describe("ToneMeter", () => {
  it("reads a tone's frequency at its rate, and a rate mistake as the wrong frequency", () => {
    for (const rate of [8000, 16000, 24000, 48000]) expect(measureTone(sine(rate, 0.5, 440), rate)).toBeCloseTo(440, -1);
    // 24 kHz audio read as 16 kHz: two thirds of the frequency.
    expect(measureTone(sine(24000, 0.5, 440), 16000)).toBeCloseTo(293.3, -1);
  });

  it("ignores silence and quiet frames, and says nothing before 100 ms of tone", () => {
    const meter = new ToneMeter(16000);
    meter.push(silence(16000, 1));
    meter.push(sine(16000, 0.05, 440, 100)); // −50 dBFS: below the floor
    expect(meter.hz).toBeUndefined();
    meter.push(sine(16000, 0.2, 440));
    expect(meter.hz).toBeCloseTo(440, -1);
    expect(meter.loudSeconds).toBeCloseTo(0.2, 2);
  });
});
