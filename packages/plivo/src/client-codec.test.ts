import { describe, expect, it } from "vitest";
import { plivo } from "./plivo.js";
import { createPlivoCodec } from "./testing/index.js";

const plan = (plivo().prepare({ runtime: "node", now: 0 }) as { plan: Parameters<typeof createPlivoCodec>[0] }).plan;
const start = (encoding = "audio/x-l16", sampleRate = 8000) =>
  JSON.stringify({
    event: "start",
    sequenceNumber: 1,
    start: { callId: "C1", streamId: "S1", mediaFormat: { encoding, sampleRate } },
    extra_headers: "a=1;b=2",
  });

describe("the Plivo codec", () => {
  it("opens on start alone (no connected), with the call UUID and extra_headers as parameters", () => {
    const codec = createPlivoCodec(plan);
    expect(codec.ready).toBe(false);
    expect(codec.decode(start())).toMatchObject([
      { type: "session-started", ids: { streamId: "S1", callId: "C1" }, metadata: { customParameters: { a: "1", b: "2" } } },
    ]);
    expect(codec.ready).toBe(true);
  });

  it("every playAudio names the stream's one format; marks are checkpoints; a clear is clearAudio", () => {
    const codec = createPlivoCodec(plan);
    codec.decode(start());
    const [audio] = codec.encode({ type: "audio-append", audio: Int16Array.of(1, -1), sampleRate: 8000 }) as string[];
    expect(JSON.parse(audio!)).toEqual({ event: "playAudio", media: { contentType: "audio/x-l16", sampleRate: 8000, payload: "AQD//w==" } });
    expect(codec.encode({ type: "mark", name: "m1" })).toEqual(['{"event":"checkpoint","streamId":"S1","name":"m1"}']);
    expect(codec.encode({ type: "playback-clear" })).toEqual(['{"event":"clearAudio","streamId":"S1"}']);
  });

  it("a stream in another format than the leg's is refused, and so is its media", () => {
    const codec = createPlivoCodec(plan);
    expect(codec.decode(start("audio/x-mulaw")).map((e) => e.type)).toEqual(["session-started", "error"]);
    expect(codec.decode(JSON.stringify({ event: "media", streamId: "S1", media: { payload: "AAA=" } }))[0]).toMatchObject({ code: "invalid_audio" });
  });

  it("a clean close is the call's end (Plivo sends no stop)", () => {
    expect(createPlivoCodec(plan).close(1000, "")).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
  });
});
