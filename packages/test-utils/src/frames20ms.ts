/** Splits audio into 20 ms frames (the last one may be short). */
export function frames20ms(audio: Int16Array, sampleRate: number): Int16Array[] {
  const size = sampleRate / 50;
  const out: Int16Array[] = [];
  for (let i = 0; i < audio.length; i += size) out.push(audio.subarray(i, i + size));
  return out;
}
