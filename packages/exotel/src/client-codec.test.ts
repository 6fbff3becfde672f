import { describe, expect, it } from "vitest";
import { exotel } from "./exotel.js";
import { createExotelCodec } from "./testing/index.js";

const plan = (exotel().prepare({ runtime: "node", now: 0 }) as { plan: Parameters<typeof createExotelCodec>[0] }).plan;
const START = JSON.stringify({
  event: "start",
  stream_sid: "MZ1",
  start: { stream_sid: "MZ1", call_sid: "CA1", media_format: { encoding: "audio/x-raw", sample_rate: "8000", bit_rate: "16" } },
});
const bytesOf = (frame: unknown) => Buffer.from(JSON.parse(frame as string).media.payload, "base64").length;

describe("the Exotel codec", () => {
  it("sends audio in chunks Exotel plays without gaps: multiples of 320 bytes, at least 3.2 KB, at most 100 KB", () => {
    const codec = createExotelCodec(plan);
    codec.decode(START);
    expect(plan.audio.outbound.frameMs).toBe(200); // 3,200 bytes at 8 kHz
    expect(codec.encode({ type: "audio-append", audio: new Int16Array(1600), sampleRate: 8000 }).map(bytesOf)).toEqual([3200]);
    // A short last piece is padded with silence to the minimum; an odd one to the next 320 bytes.
    expect(codec.encode({ type: "audio-append", audio: new Int16Array(100), sampleRate: 8000 }).map(bytesOf)).toEqual([3200]);
    expect(codec.encode({ type: "audio-append", audio: new Int16Array(1700), sampleRate: 8000 }).map(bytesOf)).toEqual([3520]);
    // 3 s at once: 100 KB at most per message.
    const big = codec.encode({ type: "audio-append", audio: new Int16Array(60_000), sampleRate: 8000 }).map(bytesOf);
    expect(big.every((n) => n % 320 === 0 && n >= 3200 && n <= 102_400)).toBe(true);
    expect(big.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(120_000);
  });

  it("every message names the stream_sid; the rate is read from start's string sample_rate", () => {
    const codec = createExotelCodec(plan);
    expect(codec.decode(START)).toMatchObject([{ type: "session-started", ids: { streamId: "MZ1", callId: "CA1" } }]);
    expect(codec.encode({ type: "playback-clear" })).toEqual(['{"event":"clear","stream_sid":"MZ1"}']);
    const wide = createExotelCodec(plan);
    expect(wide.decode(START.replace('"8000"', '"16000"')).map((e) => e.type)).toEqual(["session-started", "error"]);
  });
});
