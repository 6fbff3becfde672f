import { describe, expect, it } from "vitest";
import { asterisk } from "./asterisk.js";
import { createAsteriskCodec, readControl } from "./testing/index.js";

const planOf = (format: "ulaw" | "slin16") =>
  (asterisk({ format }).prepare({ runtime: "node", now: 0 }) as { plan: Parameters<typeof createAsteriskCodec>[0] }).plan;
const START = (format: string, size: number) =>
  JSON.stringify({
    event: "MEDIA_START",
    connection_id: "c1",
    channel: "WebSocket/c1",
    channel_id: "pbx1-1.1",
    format,
    optimal_frame_size: size,
    ptime: 20,
  });

describe("the chan_websocket codec", () => {
  it("media leaves in whole optimal frames, never over 65,500 bytes, the remainder waiting for the next audio", () => {
    const codec = createAsteriskCodec(planOf("slin16"));
    codec.decode(START("slin16", 640));
    // 3 s of slin16 at once: 96,000 bytes plus a 100-byte (50-sample) tail.
    const frames = codec.encode({ type: "audio-append", audio: new Int16Array(48_050), sampleRate: 16000 }) as Uint8Array[];
    expect(frames.map((f) => f.byteLength)).toEqual([65_280, 30_720]);
    for (const f of frames) expect(f.byteLength % 640).toBe(0);
    // 270 more samples (540 bytes) complete the 100 waiting into one frame.
    const next = codec.encode({ type: "audio-append", audio: new Int16Array(270).fill(1), sampleRate: 16000 }) as Uint8Array[];
    expect(next.map((f) => f.byteLength)).toEqual([640]);
    // A flush drops what waits.
    codec.encode({ type: "audio-append", audio: new Int16Array(10), sampleRate: 16000 });
    expect(codec.encode({ type: "playback-clear" })).toEqual(['{"command":"FLUSH_MEDIA"}']);
    expect(codec.encode({ type: "audio-append", audio: new Int16Array(320), sampleRate: 16000 }).map((f) => (f as Uint8Array).byteLength)).toEqual([
      640,
    ]);
  });

  it("takes the optimal frame size MEDIA_START names, and answers in the control format Asterisk spoke", () => {
    const codec = createAsteriskCodec(planOf("ulaw"));
    codec.decode("MEDIA_START connection_id:c1 channel:WebSocket/c1 format:ulaw optimal_frame_size:320 ptime:40");
    expect(codec.encode({ type: "audio-append", audio: new Int16Array(160), sampleRate: 8000 })).toEqual([]);
    expect((codec.encode({ type: "audio-append", audio: new Int16Array(160), sampleRate: 8000 })[0] as Uint8Array).byteLength).toBe(320);
    expect(codec.encode({ type: "mark", name: "vx:1:0:100" })).toEqual(["MARK_MEDIA vx:1:0:100"]);
    expect(codec.encode({ type: "session-stop" })).toEqual(["HANGUP"]);
  });

  it("reads both control formats; refuses media before MEDIA_START, another format, and text that is neither", () => {
    expect(readControl('{"event":"DTMF_END","digit":"5"}')).toEqual({ name: "DTMF_END", fields: { event: "DTMF_END", digit: "5" }, json: true });
    expect(readControl("DTMF_END channel_id:pbx1-1.1 digit:5")).toMatchObject({ name: "DTMF_END", fields: { digit: "5", channel_id: "pbx1-1.1" } });
    const codec = createAsteriskCodec(planOf("ulaw"));
    expect(codec.decode(new Uint8Array(160))[0]).toMatchObject({ type: "error", code: "protocol_violation" });
    expect(codec.decode(START("slin16", 640)).map((e) => e.type)).toEqual(["session-started", "error"]);
    expect(codec.decode(new Uint8Array(160))[0]).toMatchObject({ code: "invalid_audio" });
    expect(codec.decode("hello there")[0]).toMatchObject({ type: "error", code: "protocol_violation" });
  });
});
