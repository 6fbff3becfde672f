import { describe, expect, it } from "vitest";
import { joinSamples, silence, sine } from "../src/audio/test-signals.js";
import { toneFrequency, zeroCrossingHz } from "../src/audio/tone-frequency.js";

describe("toneFrequency", () => {
  it("reads a tone to a fraction of a hertz at any rate, over its loud 100 ms windows only", () => {
    for (const rate of [8000, 16000, 24000, 48000]) {
      const { hz, windows } = toneFrequency(joinSamples([silence(rate, 0.5), sine(rate, 1, 440)]), rate);
      expect(Math.abs(hz - 440)).toBeLessThan(0.5);
      expect(windows).toBe(10);
    }
  });

  it("says 0 with no window loud enough, and zeroCrossingHz says nothing with fewer than two crossings", () => {
    expect(toneFrequency(sine(16000, 1, 440, 200), 16000)).toEqual({ hz: 0, windows: 0 }); // −47 dBFS RMS
    expect(zeroCrossingHz(sine(16000, 0.002, 440), 16000)).toBeUndefined();
    expect(zeroCrossingHz(sine(24000, 0.1, 440), 16000)).toBeCloseTo(293.3, 0); // a rate mistake reads as the wrong tone
  });
});
