import { base64Encode, type InboundEvent, mulawEncode } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { telnyx } from "./telnyx.js";
import { createTelnyxCodec, createTelnyxPeerCodec, telnyxL16Subject } from "./testing/index.js";

const ID = "S-1";
const planOf = (dialect = telnyx()) => (dialect.prepare({ runtime: "node", now: 0 }) as { plan: Parameters<typeof createTelnyxCodec>[0] }).plan;
const start = (encoding = "PCMU", rate = 8000) =>
  JSON.stringify({
    event: "start",
    sequence_number: "1",
    stream_id: ID,
    start: { call_control_id: "v3:abc", media_format: { encoding, sample_rate: rate, channels: 1 } },
  });
const media = (chunk: number, value: number) =>
  JSON.stringify({
    event: "media",
    stream_id: ID,
    media: { track: "inbound", chunk: String(chunk), payload: base64Encode(mulawEncode(new Int16Array(160).fill(value))) },
  });
const audioOf = (events: InboundEvent[]) => events.filter((e) => e.type === "audio-chunk").map((e) => (e as { audio: Int16Array }).audio[0]);

describe("the Telnyx codec", () => {
  it("reads start's ids: stream_id at the top, call_control_id inside start", () => {
    const codec = createTelnyxCodec(planOf());
    expect(codec.ready).toBe(false);
    expect(codec.decode(start())).toMatchObject([{ type: "session-started", ids: { streamId: ID, callId: "v3:abc" } }]);
    expect(codec.ready).toBe(true);
  });

  it("puts out-of-order media back in chunk order; a frame older than what went out is dropped and counted", () => {
    const codec = createTelnyxCodec(planOf());
    codec.decode(start());
    const values = [1000, 2000, 3000, 4000, 5000];
    const heard: number[] = [];
    const push = (chunk: number) => {
      const events = codec.decode(media(chunk, values[chunk - 1]!));
      heard.push(...(audioOf(events) as number[]));
      return events;
    };
    push(1);
    push(3); // waits for 2
    expect(heard).toHaveLength(1);
    push(2); // 2, then 3
    push(5);
    push(4); // 4, then 5
    expect(heard).toHaveLength(5);
    // In order: the decoded samples rise with the chunk numbers.
    expect([...heard].sort((a, b) => a - b)).toEqual(heard);
    const late = push(2);
    expect(audioOf(late)).toEqual([]);
    expect(late[0]).toMatchObject({ type: "debug", message: expect.stringMatching(/chunk 2 .*\(1 late so far\)/) });
  });

  it("gives up on a lost frame once the window is full, and flushes what waits at stop", () => {
    const codec = createTelnyxCodec(planOf());
    codec.decode(start());
    let n = 0;
    const count = (events: InboundEvent[]) => (n += audioOf(events).length);
    count(codec.decode(media(1, 100)));
    for (const chunk of [3, 4, 5]) count(codec.decode(media(chunk, 100))); // 2 never comes
    expect(n).toBe(1);
    count(codec.decode(media(6, 100))); // a fourth waiting: 3, 4, 5, 6 go out
    expect(n).toBe(5);
    count(codec.decode(media(8, 100)));
    const stop = codec.decode(JSON.stringify({ event: "stop", stream_id: ID }));
    count(stop);
    expect(n).toBe(6);
    expect(stop.slice(-2).map((e) => e.type)).toEqual(["session-ending", "session-ended"]);
  });

  it("refuses media in another codec than the leg was set up for", () => {
    const codec = createTelnyxCodec(planOf());
    const events = codec.decode(start("L16", 16000));
    expect(events.map((e) => e.type)).toEqual(["session-started", "error"]);
    expect(codec.decode(media(1, 5))[0]).toMatchObject({ type: "error", code: "invalid_audio" });
  });

  it("L16 is big-endian on the wire both ways", () => {
    const plan = planOf(telnyxL16Subject.dialect());
    const codec = createTelnyxCodec(plan);
    codec.decode(start("L16", 16000));
    const [frame] = codec.encode({ type: "audio-append", audio: Int16Array.of(0x0102, -2), sampleRate: 16000 }) as string[];
    const payload = JSON.parse(frame!).media.payload as string;
    expect([...Buffer.from(payload, "base64")]).toEqual([0x01, 0x02, 0xff, 0xfe]);
    const peer = createTelnyxPeerCodec(plan);
    expect(peer.decode(frame!)).toEqual([{ type: "audio-append", audio: Int16Array.of(0x0102, -2), sampleRate: 16000 }]);
  });

  it("refuses options that cannot work", () => {
    expect(() => telnyx({ codec: "PCMU", sampleRate: 16000 })).toThrow(/8000 Hz only/);
    expect(() => telnyx({ codec: "OPUS" as "PCMU" })).toThrow(/codec must be/);
    expect(() => telnyx({ codec: "L16", sampleRate: 44100 })).toThrow(/L16 runs at/);
  });
});
