import { readFileSync } from "node:fs";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { alawDecode, alawDecodeSample, alawEncode, alawEncodeSample } from "./g711-alaw.js";
import { mulawDecode, mulawDecodeSample, mulawEncode, mulawEncodeSample } from "./g711-mulaw.js";

/* Reference vectors made by SoX (scripts/make-g711-vectors.sh), committed so no SoX is needed here. */
const VECTORS = new URL("../../test-vectors/g711/", import.meta.url);
const ALL_INT16 = Int16Array.from({ length: 65536 }, (_, i) => i - 32768);
const ALL_CODES = Uint8Array.from({ length: 256 }, (_, i) => i);

function vector(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, VECTORS)));
}
function pcmVector(name: string): Int16Array {
  const bytes = vector(name);
  return Int16Array.from({ length: bytes.length / 2 }, (_, i) => ((bytes[2 * i]! | (bytes[2 * i + 1]! << 8)) << 16) >> 16);
}

/** Index of the first differing element, or -1: a readable failure on 65,536-entry arrays. */
function firstMismatch(got: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (got.length !== expected.length) return Math.min(got.length, expected.length);
  for (let i = 0; i < got.length; i++) if (got[i] !== expected[i]) return i;
  return -1;
}

const laws = [
  { name: "mulaw", encode: mulawEncode, decode: mulawDecode, encodeSample: mulawEncodeSample, decodeSample: mulawDecodeSample },
  { name: "alaw", encode: alawEncode, decode: alawDecode, encodeSample: alawEncodeSample, decodeSample: alawDecodeSample },
] as const;

describe.each(laws)("G.711 $name", ({ name, encode, decode, encodeSample, decodeSample }) => {
  it("encodes all 65,536 PCM16 inputs exactly as SoX does", () => {
    const expected = vector(`${name}-encode.sox.bin`);
    expect(expected.length).toBe(65536);
    expect(firstMismatch(encode(ALL_INT16), expected)).toBe(-1);
    expect(firstMismatch(Uint8Array.from(ALL_INT16, encodeSample), expected)).toBe(-1);
  });

  it("decodes all 256 codes exactly as SoX does", () => {
    const expected = pcmVector(`${name}-decode.sox.s16le`);
    expect(expected.length).toBe(256);
    expect(decode(ALL_CODES)).toEqual(expected);
    expect(Int16Array.from(ALL_CODES, decodeSample)).toEqual(expected);
  });

  it("encodes monotonically: the decoded level never decreases as the input grows", () => {
    const levels = decode(encode(ALL_INT16));
    for (let i = 1; i < 65536; i++) if (levels[i]! < levels[i - 1]!) expect.unreachable(`not monotonic at ${i - 32768}`);
  });

  it("is the identity on codes: encode(decode(c)) = c, except μ-law's negative zero", () => {
    const back = encode(decode(ALL_CODES));
    const differing = ALL_CODES.filter((c) => back[c] !== c);
    expect(Array.from(differing)).toEqual(name === "mulaw" ? [0x7f] : []);
  });

  it("writes into a caller's buffer without allocating a result", () => {
    const codes = new Uint8Array(160);
    expect(encode(ALL_INT16.subarray(0, 160), codes)).toBe(codes);
    const pcm = new Int16Array(160);
    expect(decode(codes, pcm)).toBe(pcm);
    expect(() => encode(ALL_INT16.subarray(0, 161), codes)).toThrow(RangeError);
  });

  const sortedLevels = Array.from(new Set(Array.from(decode(ALL_CODES)))).sort((a, b) => a - b);
  test.prop([fc.integer({ min: -32768, max: 32767 })])("decode∘encode lands within one quantisation step", (x) => {
    const y = decode(encode(Int16Array.of(x)))[0]!;
    const top = sortedLevels[sortedLevels.length - 1]!;
    const bottom = sortedLevels[0]!;
    if (x >= top) {
      expect(y).toBe(top);
    } else if (x <= bottom) {
      expect(y).toBe(bottom);
    } else {
      const upperIndex = sortedLevels.findIndex((level) => level >= x);
      const step = sortedLevels[upperIndex]! - sortedLevels[Math.max(0, upperIndex - 1)]!;
      expect(Math.abs(y - x)).toBeLessThanOrEqual(step);
    }
  });

  test.prop([fc.int16Array()])("never throws on any input", (samples) => {
    expect(decode(encode(samples)).length).toBe(samples.length);
  });
});
