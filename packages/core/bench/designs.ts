/* Each preset's filter figures, worst case over all 56 rate pairs (from the design's FFT). */
import { analyseDesign } from "../src/audio/resampler-analysis.js";
import { designResampler, RESAMPLER_PRESETS } from "../src/audio/resampler-design.js";
import { fixed, table } from "./harness.js";

const RATES = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];

export function benchDesigns(): string {
  const rows: (string | number)[][] = [];
  for (const quality of ["fast", "voice", "high"] as const) {
    const preset = RESAMPLER_PRESETS[quality];
    let stop = -Infinity;
    let pass = 0;
    let delayMs = 0;
    let taps48to16 = 0;
    let minTaps = Infinity;
    let maxTaps = 0;
    for (const from of RATES) {
      for (const to of RATES) {
        if (from === to) continue;
        const d = designResampler(from, to, quality);
        const r = analyseDesign(d, preset.passbandEdge, preset.stopbandEdge);
        stop = Math.max(stop, r.stopbandGainDb);
        pass = Math.max(pass, r.passbandDeviationDb);
        delayMs = Math.max(delayMs, (d.halfWidth / from) * 1000);
        minTaps = Math.min(minTaps, d.taps);
        maxTaps = Math.max(maxTaps, d.taps);
        if (from === 48000 && to === 16000) taps48to16 = d.taps;
      }
    }
    rows.push([
      quality,
      `${preset.passbandEdge} / ${preset.stopbandEdge}`,
      fixed(-stop),
      fixed(pass, 4),
      fixed(delayMs, 2),
      `${minTaps}–${maxTaps} (48→16: ${taps48to16})`,
    ]);
  }
  return `#### Presets: worst case over all 56 rate pairs (FFT of each polyphase prototype)\n\n${table(
    [
      "preset",
      "passband / stopband edge (× lower Nyquist)",
      "alias & image rejection dB",
      "passband deviation dB",
      "look-ahead ms",
      "taps per output",
    ],
    rows,
  )}`;
}
