import { fc, test } from "@fast-check/vitest";
import type { ConnectPlan, DialectEnv } from "@voxwire/core";
import { describe, expect } from "vitest";
import { omni } from "./index.js";

const NODE: DialectEnv = { runtime: "node", now: 0 };
const dialect = omni({ agentId: "agent_123", apiKey: "pyai_test_k3y", rate: 24000 });
const plan = (dialect.prepare(NODE) as { plan: ConnectPlan }).plan;

/** Text that is sometimes JSON shaped like an Omni message, sometimes anything at all. */
const omniLikeText = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({
      type: fc.constantFrom("hello", "session_started", "flush", "dtmf", "transfer_to_human", "session_ending", "transcript", "partial", "x"),
      digit: fc.anything(),
      text: fc.anything(),
      delta: fc.anything(),
      role: fc.anything(),
      final: fc.anything(),
      reason: fc.anything(),
      session_id: fc.anything(),
    })
    .map((value) => JSON.stringify(value)),
);
const bytes = fc.uint8Array({ maxLength: 4096 });
const frames = fc.array(fc.oneof(omniLikeText, bytes), { maxLength: 20 });

describe("decode never throws", () => {
  test.prop([frames])("client codec", (sequence) => {
    const codec = dialect.createCodec(plan);
    for (const frame of sequence) {
      const events = codec.decode(frame);
      expect(Array.isArray(events)).toBe(true);
      for (const event of events) expect(event.raw).toBe(frame);
    }
  });

  test.prop([frames])("peer codec", (sequence) => {
    const codec = dialect.createPeerCodec!(plan);
    for (const frame of sequence) expect(Array.isArray(codec.decode(frame))).toBe(true);
  });

  test.prop([fc.integer({ min: 0, max: 65535 }), fc.string()])("close and upgrade rejections map to events and typed errors", (code, reason) => {
    const codec = dialect.createCodec(plan);
    expect(codec.close(code, reason).at(-1)?.type).toBe("session-ended");
    expect(codec.upgradeRejected(code, reason).code).toEqual(expect.any(String));
  });
});
