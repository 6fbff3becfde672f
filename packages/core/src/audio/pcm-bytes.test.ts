import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AudioDataError } from "../errors/error-classes.js";
import { IS_LITTLE_ENDIAN_HOST, pcm16FromBytes, pcm16FromBytesCopy, pcm16ToBytes, pcm16ToBytesCopy } from "./pcm-bytes.js";

describe("PCM16 little-endian bytes", () => {
  it("reads little-endian samples whatever the host order", () => {
    const bytes = Uint8Array.of(0x01, 0x02, 0xff, 0xff, 0x00, 0x80, 0xff, 0x7f);
    const expected = [0x0201, -1, -32768, 32767];
    expect(Array.from(pcm16FromBytes(bytes))).toEqual(expected);
    expect(Array.from(pcm16FromBytesCopy(bytes, new Int16Array(4)))).toEqual(expected);
    expect(Array.from(pcm16ToBytesCopy(Int16Array.from(expected), new Uint8Array(8)))).toEqual(Array.from(bytes));
  });

  it("throws AudioDataError on an odd byte count instead of truncating", () => {
    expect(() => pcm16FromBytes(new Uint8Array(3))).toThrow(AudioDataError);
    expect(() => pcm16FromBytesCopy(new Uint8Array(5), new Int16Array(4))).toThrow(AudioDataError);
    try {
      pcm16FromBytes(new Uint8Array(1));
    } catch (error) {
      expect((error as AudioDataError).code).toBe("invalid_audio");
      expect((error as AudioDataError).fatal).toBe(false);
    }
  });

  it.runIf(IS_LITTLE_ENDIAN_HOST)("is a zero-copy view when aligned on a little-endian host, a copy when not", () => {
    const backing = new Uint8Array(9);
    backing.set([0, 0x34, 0x12, 0x78, 0x56, 0, 0, 0, 0]);
    const aligned = pcm16FromBytes(backing.subarray(0, 4));
    expect(aligned.buffer).toBe(backing.buffer);
    const misaligned = pcm16FromBytes(backing.subarray(1, 5));
    expect(misaligned.buffer).not.toBe(backing.buffer);
    expect(Array.from(misaligned)).toEqual([0x1234, 0x5678]);
    const samples = Int16Array.of(1, 2);
    expect(pcm16ToBytes(samples).buffer).toBe(samples.buffer);
  });

  test.prop([fc.array(fc.integer({ min: -32768, max: 32767 })), fc.boolean()])("bytes ⇄ samples round-trip", (values, offsetByOne) => {
    const samples = Int16Array.from(values);
    const bytes = pcm16ToBytes(samples);
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, offsetByOne ? 1 : 0);
    const view = shifted.subarray(offsetByOne ? 1 : 0, (offsetByOne ? 1 : 0) + bytes.length);
    expect(pcm16FromBytes(view)).toEqual(samples);
  });
});
