/** Deterministic test audio: a sine "voice" loud enough for the VAD, and digital silence. */
export function tone(sampleRate: number, seconds: number, amplitude = 8000, hz = 220): Int16Array {
  const out = new Int16Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / sampleRate));
  return out;
}

export function silence(sampleRate: number, seconds: number): Int16Array {
  return new Int16Array(Math.round(sampleRate * seconds));
}

/** Splits audio into 20 ms frames (the last one may be short). */
export function frames20ms(audio: Int16Array, sampleRate: number): Int16Array[] {
  const size = sampleRate / 50;
  const out: Int16Array[] = [];
  for (let i = 0; i < audio.length; i += size) out.push(audio.subarray(i, i + size));
  return out;
}

/** Joins chunks of samples. */
export function concat(parts: readonly Int16Array[]): Int16Array {
  const out = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
