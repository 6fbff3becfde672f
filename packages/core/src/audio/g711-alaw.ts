import { checkOutputLength } from "./audio-errors.js";

/*
 * G.711 A-law, bit-exact with SoX 14.4. SoX ROUNDS the 16-bit sample to 13 bits
 * ((s + 4) >> 3, saturating at 4095 for s ≥ 32764) before `sox_13linear2alaw`; the classic
 * g711.c and the npm codecs truncate (s >> 3). Codes carry the standard even-bit inversion (0x55).
 */

const SEGMENT_END_13 = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff] as const;

/** Encodes one 13-bit two's-complement value as SoX's `sox_13linear2alaw` does. */
function encode13(pcm: number): number {
  let mask: number;
  if (pcm >= 0) {
    mask = 0xd5;
  } else {
    mask = 0x55;
    pcm = -pcm - 1;
  }
  let seg = 0;
  while (seg < 8 && pcm > SEGMENT_END_13[seg]!) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  const mantissa = seg < 2 ? (pcm >> 1) & 0xf : (pcm >> seg) & 0xf;
  return ((seg << 4) | mantissa) ^ mask;
}

/** SoX's 16 → 13-bit step: round half up, saturate at the top. */
function round16To13(sample: number): number {
  return sample >= 32764 ? 4095 : (sample + 4) >> 3;
}

/** Encodes one PCM16 sample (SoX-exact). The array forms below are the fast path. */
export function alawEncodeSample(sample: number): number {
  return encode13(round16To13(sample));
}

/** Decodes one A-law code to PCM16 (the ITU/Sun expansion, as SoX does it). */
export function alawDecodeSample(code: number): number {
  const a = (code ^ 0x55) & 0xff;
  let t = (a & 0x0f) << 4;
  const seg = (a & 0x70) >> 4;
  if (seg === 0) t += 8;
  else if (seg === 1) t += 0x108;
  else t = (t + 0x108) << (seg - 1);
  return (a & 0x80) !== 0 ? t : -t;
}

let encodeTable: Uint8Array | undefined;
let decodeTable: Int16Array | undefined;

/** One code per PCM16 value, indexed by the value's unsigned 16 bits: one load per sample. */
function alawEncodeTable(): Uint8Array {
  if (encodeTable === undefined) {
    encodeTable = new Uint8Array(65536);
    for (let s = -32768; s < 32768; s++) encodeTable[s & 0xffff] = alawEncodeSample(s);
  }
  return encodeTable;
}

function alawDecodeTable(): Int16Array {
  if (decodeTable === undefined) {
    decodeTable = new Int16Array(256);
    for (let c = 0; c < 256; c++) decodeTable[c] = alawDecodeSample(c);
  }
  return decodeTable;
}

/** PCM16 → A-law codes. Pass `out` (at least as long) to allocate nothing. */
export function alawEncode(samples: Int16Array, out?: Uint8Array): Uint8Array {
  const n = samples.length;
  if (out === undefined) out = new Uint8Array(n);
  else checkOutputLength(out, n, "alawEncode");
  const table = alawEncodeTable();
  // Unrolled by four: V8 does not unroll, and this loop is all overhead around one load.
  let i = 0;
  for (const end = n - 3; i < end; i += 4) {
    out[i] = table[samples[i]! & 0xffff]!;
    out[i + 1] = table[samples[i + 1]! & 0xffff]!;
    out[i + 2] = table[samples[i + 2]! & 0xffff]!;
    out[i + 3] = table[samples[i + 3]! & 0xffff]!;
  }
  for (; i < n; i++) out[i] = table[samples[i]! & 0xffff]!;
  return out.length === n ? out : out.subarray(0, n);
}

/** A-law codes → PCM16. Pass `out` (at least as long) to allocate nothing. */
export function alawDecode(codes: Uint8Array, out?: Int16Array): Int16Array {
  const n = codes.length;
  if (out === undefined) out = new Int16Array(n);
  else checkOutputLength(out, n, "alawDecode");
  const table = alawDecodeTable();
  let i = 0;
  for (const end = n - 3; i < end; i += 4) {
    out[i] = table[codes[i]!]!;
    out[i + 1] = table[codes[i + 1]!]!;
    out[i + 2] = table[codes[i + 2]!]!;
    out[i + 3] = table[codes[i + 3]!]!;
  }
  for (; i < n; i++) out[i] = table[codes[i]!]!;
  return out.length === n ? out : out.subarray(0, n);
}
