import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { createdPlan, KEY } from "../test/fixtures.js";
import { omnia, ultravox } from "./index.js";

const dialects = [
  omnia({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 16000, outputSampleRate: 24000 }),
  ultravox({ apiKey: KEY, agentId: "agent_42", inputSampleRate: 48000 }),
];
const plans = dialects.map((d, i) => createdPlan(d, i === 0 ? "websocketUrl" : "joinUrl"));

/** Text that is sometimes JSON shaped like this wire's messages, sometimes anything at all. */
const wireLikeText = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({
      type: fc.constantFrom("playback_clear_buffer", "state", "transcript", "call_started", "error", "debug", "pong", "x"),
      state: fc.anything(),
      role: fc.oneof(fc.constantFrom("user", "agent"), fc.anything()),
      text: fc.anything(),
      delta: fc.anything(),
      final: fc.anything(),
      message: fc.anything(),
      callId: fc.anything(),
      code: fc.anything(),
    })
    .map((value) => JSON.stringify(value)),
);
const frames = fc.array(fc.oneof(wireLikeText, fc.uint8Array({ maxLength: 4096 })), { maxLength: 20 });

describe("decode never throws", () => {
  test.prop([fc.integer({ min: 0, max: 1 }), frames])("client codec: every event keeps its frame", (which, sequence) => {
    const codec = dialects[which]!.createCodec(plans[which]!);
    for (const frame of sequence) {
      const events = codec.decode(frame);
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(event.raw).toBe(frame);
    }
  });

  test.prop([fc.integer({ min: 0, max: 1 }), frames])("peer codec", (which, sequence) => {
    const codec = dialects[which]!.createPeerCodec!(plans[which]!);
    for (const frame of sequence) expect(Array.isArray(codec.decode(frame))).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 65535 }), fc.string()])("closes end the session; refused upgrades are typed", (code, reason) => {
    const codec = dialects[0]!.createCodec(plans[0]!);
    expect(codec.close(code, reason).at(-1)?.type).toBe("session-ended");
    expect(codec.upgradeRejected(code, reason).code).toEqual(expect.any(String));
  });
});
