import { fc, test } from "@fast-check/vitest";
import { inboundEventSchema } from "@voxwire/core";
import { describe, expect } from "vitest";
import { REALTIME_SESSION_RESPONSE } from "../test/seed-004-frames.js";
import { planFromAnswer, readOrbitaliSession } from "./bootstrap.js";
import { createOrbitaliCodec } from "./client-codec.js";
import { createOrbitaliPeerCodec } from "./peer-codec.js";

const plan = planFromAnswer(readOrbitaliSession(JSON.parse(REALTIME_SESSION_RESPONSE), "response"));

/** Frames shaped like Orbitali's, with every field fair game, plus arbitrary text and bytes. */
const frames = fc.oneof(
  fc.string(),
  fc.uint8Array({ maxLength: 256 }),
  fc.json(),
  fc
    .record(
      {
        type: fc.constantFrom("output_audio", "input_audio", "clear", "session.started", "transcript", "stop", "x"),
        audio: fc.oneof(fc.base64String({ maxLength: 64 }), fc.string(), fc.anything()),
        encoding: fc.oneof(fc.constant("pcm16"), fc.anything()),
        sampleRate: fc.oneof(fc.constant(24000), fc.anything()),
        role: fc.oneof(fc.constantFrom("assistant", "user", "agent", "__proto__", "constructor"), fc.anything()),
        text: fc.anything(),
        callId: fc.anything(),
      },
      { requiredKeys: ["type"] },
    )
    .map((message) => {
      try {
        return JSON.stringify(message);
      } catch {
        return "{}"; // BigInt and friends cannot be JSON
      }
    }),
);

describe("decode never throws", () => {
  test.prop([frames], { numRuns: 2000 })("client codec: every frame decodes to valid inbound events", (frame) => {
    const events = createOrbitaliCodec(plan).decode(frame);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(inboundEventSchema.safeParse(event).success).toBe(true);
  });

  test.prop([frames], { numRuns: 2000 })("peer codec: every frame decodes to commands or errors", (frame) => {
    const decoded = createOrbitaliPeerCodec(plan).decode(frame);
    expect(decoded.length).toBeGreaterThan(0);
  });
});

describe("base64 PCM survives the wire both ways", () => {
  const pcm = fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 600 }).map((a) => Int16Array.from(a));

  test.prop([pcm])("client input_audio → peer audio-append, sample for sample", (audio) => {
    const [frame] = createOrbitaliCodec(plan).encode({ type: "audio-append", audio, sampleRate: 16000 });
    expect(createOrbitaliPeerCodec(plan).decode(frame!)).toEqual([{ type: "audio-append", audio, sampleRate: 16000 }]);
  });

  test.prop([pcm])("peer output_audio → client audio-chunk, sample for sample", (audio) => {
    const [frame] = createOrbitaliPeerCodec(plan).encode({ type: "audio-chunk", audio, sampleRate: 24000 });
    expect(createOrbitaliCodec(plan).decode(frame!)).toEqual([{ type: "audio-chunk", audio, sampleRate: 24000, raw: frame }]);
  });
});
