import { writeFileSync } from "node:fs";
import { sine, writeWavPcm16 } from "@voxwire/conformance";

/**
 * A mono PCM16 WAV of a sine, for Chromium's fake microphone (which loops it). The length is a
 * whole number of periods, so the loop has no seam. `amplitude` is a fraction of full scale.
 */
export function writeToneWav(path: string, hz: number, rate = 48000, seconds = 10, amplitude = 0.5): void {
  const periods = Math.round(hz * seconds);
  const samples = Math.round((periods * rate) / hz);
  writeFileSync(path, writeWavPcm16(sine(rate, samples / rate, hz, amplitude * 32767), rate));
}
