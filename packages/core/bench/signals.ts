/* Deterministic test signals for the benchmark. */

/** A speech-like PCM16 signal: a few harmonics under a syllable-rate envelope, plus noise. */
export function speechLike(rate: number, seconds: number, seed = 1): Int16Array {
  const out = new Int16Array(Math.round(rate * seconds));
  let state = seed >>> 0 || 1;
  const noise = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) / 4294967296 - 0.5) * 2;
  };
  for (let n = 0; n < out.length; n++) {
    const t = n / rate;
    const envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 4 * t);
    const f0 = 140 + 30 * Math.sin(2 * Math.PI * 0.7 * t);
    let v = 0;
    for (let h = 1; h <= 8; h++) if (f0 * h < rate / 2) v += Math.sin(2 * Math.PI * f0 * h * t) / h;
    out[n] = Math.round(Math.max(-1, Math.min(1, 0.35 * envelope * v + 0.02 * noise())) * 32767);
  }
  return out;
}
