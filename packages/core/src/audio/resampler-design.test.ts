import { describe, expect, it } from "vitest";
import { analyseDesign } from "./resampler-analysis.js";
import { designResampler, RESAMPLER_PRESETS } from "./resampler-design.js";
import type { ResamplerQuality } from "./resampler-types.js";

const RATES = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000] as const;
const PAIRS = RATES.flatMap((from) => RATES.filter((to) => to !== from).map((to) => [from, to] as const));

/** What each preset promises (docs/audio-pipeline.md): rejection, passband flatness, delay. */
const PROMISES: Record<ResamplerQuality, { rejectionDb: number; passbandDb: number; delayMs: number }> = {
  fast: { rejectionDb: 60, passbandDb: 0.1, delayMs: 2 },
  voice: { rejectionDb: 90, passbandDb: 0.1, delayMs: 2 },
  high: { rejectionDb: 120, passbandDb: 0.01, delayMs: 4 },
};

describe.each(["fast", "voice", "high"] as const)("the %s design", (quality) => {
  const preset = RESAMPLER_PRESETS[quality];
  const promise = PROMISES[quality];

  // The FFTs take a few seconds on a loaded 2-core machine: a generous timeout, no timing.
  it("keeps its promises on every rate pair", { timeout: 60_000 }, () => {
    for (const [from, to] of PAIRS) {
      const design = designResampler(from, to, quality);
      const response = analyseDesign(design, preset.passbandEdge, preset.stopbandEdge, 1 << 14, 4);
      const where = `${from} → ${to}`;
      expect(response.stopbandGainDb, where).toBeLessThan(-promise.rejectionDb);
      expect(response.passbandDeviationDb, where).toBeLessThan(promise.passbandDb);
      expect((design.halfWidth / from) * 1000, where).toBeLessThanOrEqual(promise.delayMs);
      expect(design.taps % 4, where).toBe(0);
    }
  });

  it("normalises every phase to unit DC gain", () => {
    const design = designResampler(11025, 48000, quality);
    for (let r = 0; r < design.phases; r++) {
      let sum = 0;
      for (let j = 0; j < design.taps; j++) sum += design.coefficients[r * design.taps + j]!;
      expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
    }
  });
});

describe("passband edge", () => {
  it("is 0.8 × the lower Nyquist for voice: 3.2 kHz at 8 kHz, 6.4 kHz at 16 kHz", () => {
    expect(RESAMPLER_PRESETS.voice.passbandEdge * 4000).toBeCloseTo(3200);
    expect(designResampler(16000, 8000, "voice")).toBe(designResampler(16000, 8000, "voice"));
  });
});
