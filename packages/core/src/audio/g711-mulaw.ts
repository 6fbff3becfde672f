import { checkOutputLength } from "./audio-errors.js";

/*
 * G.711 μ-law, bit-exact with SoX (g711.c from Sun, as SoX 14.4 calls it). SoX first ROUNDS the
 * 16-bit sample to 14 bits ((s + 2) >> 2, saturating at 8191 for s ≥ 32766) and then encodes;
 * the classic g711.c and the npm codecs truncate (s >> 2) instead, so they differ from SoX on
 * the inputs that sit in the upper half of a 14-bit step. Rounding halves the worst-case error
 * at segment 0 and is what the committed SoX vectors hold. Decoding is the standard table.
 */

const BIAS_14 = 0x84 >> 2;
const CLIP_14 = 8159;
const SEGMENT_END_14 = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff] as const;

/** Encodes one 14-bit two's-complement value as SoX's `sox_14linear2ulaw` does. */
function encode14(pcm: number): number {
  let mask = 0xff;
  if (pcm < 0) {
    pcm = -pcm;
    mask = 0x7f;
  }
  if (pcm > CLIP_14) pcm = CLIP_14;
  pcm += BIAS_14;
  let seg = 0;
  while (seg < 8 && pcm > SEGMENT_END_14[seg]!) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  return ((seg << 4) | ((pcm >> (seg + 1)) & 0xf)) ^ mask;
}

/** SoX's 16 → 14-bit step: round half up, saturate at the top. */
function round16To14(sample: number): number {
  return sample >= 32766 ? 8191 : (sample + 2) >> 2;
}

/** Encodes one PCM16 sample (SoX-exact). The array forms below are the fast path. */
export function mulawEncodeSample(sample: number): number {
  return encode14(round16To14(sample));
}

/** Decodes one μ-law code to PCM16 (the ITU/Sun expansion, as SoX does it). */
export function mulawDecodeSample(code: number): number {
  const u = ~code & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return (u & 0x80) !== 0 ? 0x84 - t : t - 0x84;
}

let encodeTable: Uint8Array | undefined;
let decodeTable: Int16Array | undefined;

/** One code per PCM16 value, indexed by the value's unsigned 16 bits: one load per sample. */
function mulawEncodeTable(): Uint8Array {
  if (encodeTable === undefined) {
    encodeTable = new Uint8Array(65536);
    for (let s = -32768; s < 32768; s++) encodeTable[s & 0xffff] = mulawEncodeSample(s);
  }
  return encodeTable;
}

function mulawDecodeTable(): Int16Array {
  if (decodeTable === undefined) {
    decodeTable = new Int16Array(256);
    for (let c = 0; c < 256; c++) decodeTable[c] = mulawDecodeSample(c);
  }
  return decodeTable;
}

/** PCM16 → μ-law codes. Pass `out` (at least as long) to allocate nothing. */
export function mulawEncode(samples: Int16Array, out?: Uint8Array): Uint8Array {
  const n = samples.length;
  if (out === undefined) out = new Uint8Array(n);
  else checkOutputLength(out, n, "mulawEncode");
  const table = mulawEncodeTable();
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

/** μ-law codes → PCM16. Pass `out` (at least as long) to allocate nothing. */
export function mulawDecode(codes: Uint8Array, out?: Int16Array): Int16Array {
  const n = codes.length;
  if (out === undefined) out = new Int16Array(n);
  else checkOutputLength(out, n, "mulawDecode");
  const table = mulawDecodeTable();
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
