import { writeFileSync } from "node:fs";

/**
 * A mono PCM16 WAV of a sine, for Chromium's fake microphone (which loops it). The length is a
 * whole number of periods, so the loop has no seam.
 */
export function writeToneWav(path: string, hz: number, rate = 48000, seconds = 10, amplitude = 0.5): void {
  const periods = Math.round(hz * seconds);
  const samples = Math.round((periods * rate) / hz);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * hz * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  writeFileSync(path, Buffer.concat([header, data]));
}

/**
 * The dominant frequency of the loud part of a recording: the longest run of 20 ms windows above
 * −30 dBFS, trimmed by 100 ms at each end (the microphone's fade-in, the resampler's start), then
 * rising zero crossings interpolated between samples.
 */
export function toneFrequency(samples: Int16Array, rate: number): { hz: number; seconds: number } {
  const win = Math.round(rate / 50);
  let best = { start: 0, end: 0 };
  let runStart = -1;
  for (let w = 0; w * win + win <= samples.length; w++) {
    let sum = 0;
    for (let i = w * win; i < (w + 1) * win; i++) sum += samples[i]! * samples[i]!;
    const loud = Math.sqrt(sum / win) / 32768 > 10 ** (-30 / 20);
    if (loud && runStart < 0) runStart = w * win;
    if ((!loud || (w + 2) * win > samples.length) && runStart >= 0) {
      const end = loud ? (w + 1) * win : w * win;
      if (end - runStart > best.end - best.start) best = { start: runStart, end };
      runStart = -1;
    }
  }
  const trim = Math.round(rate / 10);
  const tone = samples.subarray(best.start + trim, Math.max(best.start + trim, best.end - trim));
  const crossings: number[] = [];
  for (let i = 1; i < tone.length; i++) {
    const a = tone[i - 1]!;
    const b = tone[i]!;
    if (a < 0 && b >= 0) crossings.push(i - 1 + -a / (b - a));
  }
  if (crossings.length < 2) return { hz: 0, seconds: tone.length / rate };
  return { hz: ((crossings.length - 1) * rate) / (crossings.at(-1)! - crossings[0]!), seconds: tone.length / rate };
}
