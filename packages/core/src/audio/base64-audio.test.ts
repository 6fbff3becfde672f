import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AudioDataError } from "../errors/error-classes.js";
import { base64Decode, base64Encode } from "./base64.js";
import { decodeBase64Audio } from "./base64-audio.js";
import { alawDecode } from "./g711-alaw.js";
import { mulawDecode } from "./g711-mulaw.js";
import { pcm16FromBytesCopy } from "./pcm-bytes.js";

/** What the allocating functions give for the same text: the reference. */
function reference(text: string, encoding: "pcm16" | "mulaw" | "alaw"): Int16Array {
  const bytes = base64Decode(text);
  if (encoding === "mulaw") return mulawDecode(bytes);
  if (encoding === "alaw") return alawDecode(bytes);
  return pcm16FromBytesCopy(bytes, new Int16Array(bytes.length >> 1));
}

describe("decodeBase64Audio", () => {
  test.prop([
    fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 1, maxLength: 12 }),
    fc.constantFrom("pcm16" as const, "mulaw" as const, "alaw" as const),
  ])("gives the samples the allocating decoders give, in chunks that never overlap", (payloads, encoding) => {
    const texts = payloads.map((bytes) => base64Encode(encoding === "pcm16" ? bytes.subarray(0, bytes.length & ~1) : bytes));
    const chunks = texts.map((text) => decodeBase64Audio(text, encoding));
    // Every chunk still holds its own samples after all the later decodes.
    for (const [i, chunk] of chunks.entries()) expect(chunk).toEqual(reference(texts[i]!, encoding));
    const spans = chunks
      .filter((chunk) => chunk.length > 0)
      .map((chunk) => [chunk.buffer, chunk.byteOffset, chunk.byteOffset + chunk.byteLength] as const);
    for (const [i, a] of spans.entries()) for (const b of spans.slice(i + 1)) if (a[0] === b[0]) expect(a[2] <= b[1] || b[2] <= a[1]).toBe(true);
  });

  it("shares slabs between small chunks and gives a large one a buffer of its own", () => {
    const small = [decodeBase64Audio(base64Encode(new Uint8Array(320)), "pcm16"), decodeBase64Audio(base64Encode(new Uint8Array(160)), "mulaw")];
    expect(small[0]!.buffer).toBe(small[1]!.buffer);
    expect(small[1]!.byteOffset % 8).toBe(0);
    const large = decodeBase64Audio(base64Encode(new Uint8Array(48_000)), "pcm16");
    expect([large.byteOffset, large.buffer.byteLength]).toEqual([0, 48_000]);
  });

  it("refuses invalid base64 and an odd PCM16 byte count with AudioDataError, and goes on decoding", () => {
    expect(() => decodeBase64Audio("AAAA", "pcm16")).toThrow(/even byte count/);
    expect(() => decodeBase64Audio("AA-A", "mulaw")).toThrow(AudioDataError);
    expect(() => decodeBase64Audio("A", "alaw")).toThrow(AudioDataError);
    expect(() => decodeBase64Audio("AAAB", "opus" as never)).toThrow(AudioDataError);
    expect(Array.from(decodeBase64Audio("AAEC/w==", "pcm16"))).toEqual([256, -254]);
  });
});
