import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { AudioDataError } from "../errors/error-classes.js";
import { base64Encode } from "./base64.js";
import { mulawDecode, mulawEncode } from "./g711-mulaw.js";
import { pcm16ToBytes } from "./pcm-bytes.js";
import { createWireDecoder, createWireEncoder } from "./wire-pipelines.js";

function collect<T>(run: (emit: (x: T) => void) => void): T[] {
  const out: T[] = [];
  run((x) => out.push(x));
  return out;
}

describe("createWireEncoder", () => {
  it("turns 16 kHz PCM into 20 ms μ-law frames at 8 kHz, as base64 text", () => {
    const encoder = createWireEncoder({ inputRate: 16000, wire: { encoding: "mulaw", sampleRate: 8000, frameMs: 20 }, base64: true });
    const payloads = collect<string>((emit) => {
      encoder.push(new Int16Array(640).fill(1000), emit);
      encoder.flush(emit, { pad: true });
    });
    expect(payloads).toHaveLength(2);
    for (const text of payloads) expect(Buffer.from(text, "base64").length).toBe(160);
    const middle = Buffer.from(payloads[0]!, "base64")[80]!;
    expect(mulawDecode(Uint8Array.of(middle))[0]).toBeCloseTo(1000, -2);
  });

  it("passes PCM16 through as little-endian bytes at equal rates", () => {
    const encoder = createWireEncoder({ inputRate: 24000, wire: { encoding: "pcm16", sampleRate: 24000 } });
    const payloads = collect<Uint8Array>((emit) => encoder.push(Int16Array.of(1, -2), emit));
    expect(Array.from(payloads[0]!)).toEqual([1, 0, 0xfe, 0xff]);
  });
});

describe("createWireDecoder", () => {
  it("decodes base64 μ-law at 8 kHz to 16 kHz PCM", () => {
    const decoder = createWireDecoder({ wire: { encoding: "mulaw", sampleRate: 8000 }, outputRate: 16000, frameSamples: 320 });
    const text = base64Encode(mulawEncode(new Int16Array(160).fill(-3000)));
    const frames = collect<Int16Array>((emit) => {
      decoder.push(text, emit);
      decoder.push(text, emit);
      decoder.flush(emit);
    });
    expect(frames.map((f) => f.length)).toEqual([320, 320]);
    expect(Math.abs(frames[0]![200]! - mulawDecode(mulawEncode(Int16Array.of(-3000)))[0]!)).toBeLessThan(2);
  });

  it("rejects invalid base64 with AudioDataError and carries on", () => {
    const decoder = createWireDecoder({ wire: { encoding: "alaw", sampleRate: 8000 }, outputRate: 8000 });
    expect(() => decoder.push("not base64!", () => {})).toThrow(AudioDataError);
    expect(collect<Int16Array>((emit) => decoder.push("1Q==", emit))).toHaveLength(1);
  });

  test.prop([fc.int16Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 8 })])(
    "PCM16 payloads split anywhere, mid-sample included, decode to the samples",
    (samples, points) => {
      const bytes = pcm16ToBytes(samples).slice();
      const sorted = points.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b);
      const bounds = [0, ...sorted, bytes.length];
      const decoder = createWireDecoder({ wire: { encoding: "pcm16", sampleRate: 16000 }, outputRate: 16000 });
      const frames = collect<Int16Array>((emit) => {
        for (let i = 1; i < bounds.length; i++) decoder.push(bytes.slice(bounds[i - 1], bounds[i]), (f) => emit(f.slice()));
        decoder.flush(emit);
      });
      expect(frames.flatMap((f) => Array.from(f))).toEqual(Array.from(samples));
    },
  );

  it("reports a dangling byte at flush after emitting the rest", () => {
    const decoder = createWireDecoder({ wire: { encoding: "pcm16", sampleRate: 8000 }, outputRate: 8000 });
    const frames: Int16Array[] = [];
    decoder.push(Uint8Array.of(1, 0, 2), (f) => frames.push(f));
    expect(() => decoder.flush((f) => frames.push(f))).toThrow(AudioDataError);
    expect(frames.map((f) => Array.from(f))).toEqual([[1]]);
  });
});
