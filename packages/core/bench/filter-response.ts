/* Prints each preset's design figures for every rate pair: taps, delay, passband, stopband. */
import { analyseDesign } from "../src/audio/resampler-analysis.js";
import { designResampler, RESAMPLER_PRESETS } from "../src/audio/resampler-design.js";
import type { ResamplerQuality } from "../src/audio/resampler-types.js";

const RATES = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];
const qualities = (process.argv[2]?.split(",") ?? ["fast", "voice", "high"]) as ResamplerQuality[];
for (const quality of qualities) {
  const preset = RESAMPLER_PRESETS[quality];
  let worstStop = -Infinity;
  let worstPass = 0;
  let worstDelayMs = 0;
  for (const from of RATES) {
    for (const to of RATES) {
      if (from === to) continue;
      const d = designResampler(from, to, quality);
      const r = analyseDesign(d, preset.passbandEdge, preset.stopbandEdge);
      const delayMs = (d.halfWidth / from) * 1000;
      worstStop = Math.max(worstStop, r.stopbandGainDb);
      worstPass = Math.max(worstPass, r.passbandDeviationDb);
      worstDelayMs = Math.max(worstDelayMs, delayMs);
      console.log(
        `${quality.padEnd(5)} ${String(from).padStart(5)}→${String(to).padEnd(5)} L=${d.phases} M=${d.step} taps=${d.taps} half=${d.halfWidth} delay=${delayMs.toFixed(2)}ms pass=${r.passbandDeviationDb.toFixed(4)}dB stop=${r.stopbandGainDb.toFixed(1)}dB nyq=${r.nyquistGainDb.toFixed(1)}`,
      );
    }
  }
  console.log(`${quality}: worst stopband ${worstStop.toFixed(1)} dB, worst passband deviation ${worstPass.toFixed(4)} dB, worst delay ${worstDelayMs.toFixed(2)} ms`);
}
