/** The tone the scenarios send and the rate check listens for. */
export const TONE_HZ = 440;

/** A sine at `hz`; amplitude 8000 (−12 dBFS) by default: loud enough for any voice activity detector. */
export function sine(rate: number, seconds: number, hz: number = TONE_HZ, amplitude = 8000): Int16Array {
  const out = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate));
  return out;
}

/** Digital silence. */
export function silence(rate: number, seconds: number): Int16Array {
  return new Int16Array(Math.round(rate * seconds));
}

/** Joins chunks of samples. */
export function joinSamples(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
