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
 * The frequency of a tone in a recording: zero crossings (interpolated between samples) in each
 * 100 ms window louder than −40 dBFS, and the median over those windows. The median ignores the
 * first window or two, where the microphone starts and the browser's audio processing settles.
 */
export function toneFrequency(samples: Int16Array, rate: number): { hz: number; windows: number } {
  const size = Math.round(rate / 10);
  const floor = 32768 * 10 ** (-40 / 20);
  const estimates: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) {
    const window = samples.subarray(start, start + size);
    let energy = 0;
    for (const v of window) energy += v * v;
    if (Math.sqrt(energy / size) < floor) continue;
    const crossings: number[] = [];
    for (let i = 1; i < window.length; i++) {
      const a = window[i - 1]!;
      const b = window[i]!;
      if (a < 0 && b >= 0) crossings.push(i - 1 + -a / (b - a));
    }
    if (crossings.length >= 2) estimates.push(((crossings.length - 1) * rate) / (crossings.at(-1)! - crossings[0]!));
  }
  estimates.sort((a, b) => a - b);
  const hz = estimates.length === 0 ? 0 : estimates[Math.floor(estimates.length / 2)]!;
  return { hz, windows: estimates.length };
}
