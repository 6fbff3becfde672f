import { fc, test } from "@fast-check/vitest";
import type { ConnectPlan } from "@voxwire/core";
import { describe, expect } from "vitest";
import { SEED_TOKEN_RESPONSE } from "../test/seed-001-frames.js";
import { tokenFirst } from "./index.js";

const dialect = tokenFirst({ apiUrl: "https://x.test", apiKey: "sk_example_K3yValue" });
const preparation = dialect.prepare({ runtime: "node", now: 0 });
if (preparation.kind !== "bootstrap") throw new Error("unreachable");
const plan: ConnectPlan = preparation.parse({ status: 200, headers: {}, body: SEED_TOKEN_RESPONSE }, { runtime: "node", now: 0 });

/** Text that is sometimes shaped like a token-first message, sometimes anything at all. */
const text = fc.oneof(
  fc.string(),
  fc.json(),
  fc
    .record({
      type: fc.constantFrom("connected", "agent_ready", "session_ended", "error", "x"),
      reason: fc.anything(),
      code: fc.anything(),
      message: fc.anything(),
      token: fc.anything(),
      session_id: fc.anything(),
    }, { requiredKeys: [] })
    .map((value) => JSON.stringify(value)),
);
const frames = fc.array(fc.oneof(text, fc.uint8Array({ maxLength: 2048 })), { maxLength: 20 });

describe("decode never throws", () => {
  test.prop([frames])("client codec: every frame becomes events that keep it as raw", (sequence) => {
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

  test.prop([fc.integer({ min: 0, max: 65535 }), fc.string()])("closes end the session; upgrade refusals are typed", (code, reason) => {
    const codec = dialect.createCodec(plan);
    expect(codec.close(code, reason).at(-1)?.type).toBe("session-ended");
    expect(codec.upgradeRejected(code, reason).code).toEqual(expect.any(String));
  });

  test.prop([fc.string()])("a token answer is a plan or a typed error", (body) => {
    try {
      preparation.parse({ status: 200, headers: {}, body }, { runtime: "node", now: 0 });
    } catch (error) {
      expect(error).toMatchObject({ code: "protocol_violation" });
    }
  });
});
