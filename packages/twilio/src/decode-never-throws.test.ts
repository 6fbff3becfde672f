import { fc, test } from "@fast-check/vitest";
import type { ConnectPlan } from "@voxwire/core";
import { describe, expect } from "vitest";
import { twilio } from "./index.js";

const dialect = twilio();
const plan = (dialect.prepare({ runtime: "node", now: 0 }) as { plan: ConnectPlan }).plan;
const SID = "MZ0123";

/** Text that is sometimes a Twilio message (with this stream's sid or not), sometimes anything. */
const twilioLike = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({
      event: fc.constantFrom("connected", "start", "media", "dtmf", "mark", "stop", "clear", "other"),
      streamSid: fc.oneof(fc.constant(SID), fc.anything()),
      sequenceNumber: fc.anything(),
      start: fc.oneof(fc.anything(), fc.record({ streamSid: fc.constant(SID), callSid: fc.anything(), tracks: fc.anything(), customParameters: fc.anything(), mediaFormat: fc.anything() })),
      media: fc.oneof(fc.anything(), fc.record({ payload: fc.oneof(fc.base64String(), fc.string()), track: fc.anything(), chunk: fc.anything() })),
      dtmf: fc.anything(),
      mark: fc.anything(),
    })
    .map((value) => JSON.stringify(value)),
);
const frames = fc.array(fc.oneof(twilioLike, fc.uint8Array({ maxLength: 512 })), { maxLength: 20 });

describe("decode never throws", () => {
  test.prop([frames])("our codec: every frame gives events that keep it as raw", (sequence) => {
    const codec = dialect.createCodec(plan);
    for (const frame of sequence) {
      const events = codec.decode(frame);
      expect(Array.isArray(events)).toBe(true);
      for (const event of events) expect(event.raw).toBe(frame);
    }
  });

  test.prop([frames])("Twilio's side", (sequence) => {
    const codec = dialect.createPeerCodec!(plan);
    codec.encode({ type: "session-started", ids: { streamSid: SID } });
    for (const frame of sequence) expect(Array.isArray(codec.decode(frame))).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 65535 }), fc.string()])("closes end the session", (code, reason) => {
    expect(dialect.createCodec(plan).close(code, reason).at(-1)?.type).toBe("session-ended");
  });
});
