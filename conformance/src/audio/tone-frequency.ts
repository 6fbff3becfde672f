/**
 * The frequency of a tone from its rising zero crossings, interpolated between samples (finer
 * than ToneMeter's count, which is cheap enough for every frame a simulator receives).
 * Undefined with fewer than two crossings.
 */
export function zeroCrossingHz(samples: Int16Array, rate: number): number | undefined {
  const crossings: number[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    if (a < 0 && b >= 0) crossings.push(i - 1 + -a / (b - a));
  }
  if (crossings.length < 2) return undefined;
  return ((crossings.length - 1) * rate) / (crossings.at(-1)! - crossings[0]!);
}

/**
 * The frequency of a tone in a recording: `zeroCrossingHz` of each 100 ms window louder than
 * −40 dBFS, and the median over those windows. The median ignores the first window or two, where
 * a microphone starts and a browser's audio processing settles. `hz` is 0 with no such window.
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
    const hz = zeroCrossingHz(window, rate);
    if (hz !== undefined) estimates.push(hz);
  }
  estimates.sort((a, b) => a - b);
  const hz = estimates.length === 0 ? 0 : estimates[Math.floor(estimates.length / 2)]!;
  return { hz, windows: estimates.length };
}
