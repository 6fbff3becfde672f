import { checkOutputLength } from "./audio-errors.js";

/*
 * Scaling: one factor, 32768, both ways. Int16 → Float32 maps −32768 to exactly −1 and 32767 to
 * 32767/32768; Float32 → Int16 rounds x·32768 half away from zero and clamps to [−32768, 32767].
 * So every Int16 survives the round trip bit-exactly, +1.0 saturates at 32767, and NaN becomes 0.
 */
const FLOAT_FROM_INT16 = 1 / 32768;
const INT16_FROM_FLOAT = 32768;

/** PCM16 samples to floats in [−1, 1); writes into `out` when given (no allocation). */
export function pcm16ToFloat32(samples: Int16Array, out?: Float32Array): Float32Array {
  const n = samples.length;
  if (out === undefined) out = new Float32Array(n);
  else checkOutputLength(out, n, "pcm16ToFloat32");
  for (let i = 0; i < n; i++) out[i] = samples[i]! * FLOAT_FROM_INT16;
  return out.length === n ? out : out.subarray(0, n);
}

/** Floats in [−1, 1] to PCM16: ×32768, rounded half away from zero, clamped; NaN → 0. */
export function float32ToPcm16(samples: Float32Array, out?: Int16Array): Int16Array {
  const n = samples.length;
  if (out === undefined) out = new Int16Array(n);
  else checkOutputLength(out, n, "float32ToPcm16");
  for (let i = 0; i < n; i++) {
    let v = samples[i]! * INT16_FROM_FLOAT;
    // Clamp before rounding; the store truncates toward zero, so ±0.5 rounds half away from zero.
    if (v >= 32767) v = 32767;
    else if (v <= -32768) v = -32768;
    else v += v < 0 ? -0.5 : 0.5;
    out[i] = v;
  }
  return out.length === n ? out : out.subarray(0, n);
}
