import { checkOutputLength, oddByteCountError } from "./audio-errors.js";

/** True on little-endian hosts (every mainstream one); views are zero-copy only there. */
export const IS_LITTLE_ENDIAN_HOST: boolean = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * PCM16 little-endian bytes to samples. Zero-copy view when the host is little-endian and the
 * bytes start on an even offset; a copy otherwise. An odd byte count throws `AudioDataError`
 * (a stream split mid-sample belongs in `createPcm16ByteFramer`, which carries the odd byte).
 */
export function pcm16FromBytes(bytes: Uint8Array): Int16Array {
  const n = bytes.byteLength;
  if ((n & 1) !== 0) throw oddByteCountError(n);
  if (IS_LITTLE_ENDIAN_HOST && (bytes.byteOffset & 1) === 0) {
    return new Int16Array(bytes.buffer, bytes.byteOffset, n >> 1);
  }
  return pcm16FromBytesCopy(bytes, new Int16Array(n >> 1));
}

/** Copies PCM16 little-endian bytes into `out` on any host; never a view. */
export function pcm16FromBytesCopy(bytes: Uint8Array, out: Int16Array): Int16Array {
  const n = bytes.byteLength;
  if ((n & 1) !== 0) throw oddByteCountError(n);
  const count = n >> 1;
  checkOutputLength(out, count, "pcm16FromBytesCopy");
  for (let i = 0, b = 0; i < count; i++, b += 2) {
    // Assemble the 16 bits, then sign-extend: host order never matters.
    out[i] = ((bytes[b + 1]! << 24) >> 16) | bytes[b]!;
  }
  return out.length === count ? out : out.subarray(0, count);
}

/** Samples to PCM16 little-endian bytes: a zero-copy view on little-endian hosts, a copy otherwise. */
export function pcm16ToBytes(samples: Int16Array): Uint8Array {
  if (IS_LITTLE_ENDIAN_HOST) return new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength);
  return pcm16ToBytesCopy(samples, new Uint8Array(samples.length * 2));
}

/** Writes samples as PCM16 little-endian bytes into `out` on any host; never a view. */
export function pcm16ToBytesCopy(samples: Int16Array, out: Uint8Array): Uint8Array {
  const count = samples.length;
  checkOutputLength(out, count * 2, "pcm16ToBytesCopy");
  for (let i = 0, b = 0; i < count; i++, b += 2) {
    const s = samples[i]!;
    out[b] = s;
    out[b + 1] = s >> 8;
  }
  return out.length === count * 2 ? out : out.subarray(0, count * 2);
}
