import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isPoisonKey } from "../dialect-kit/safe-json.js";
import { dtmfDigitSchema, inboundEventSchema, isDtmfDigit, outboundEventSchema } from "./index.js";

const role = fc.constantFrom("user" as const, "agent" as const);
const raw = fc.option(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 })), { nil: undefined });
const pcm = fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 64 }).map((a) => Int16Array.from(a));
const rate = fc.constantFrom(8000, 16000, 24000, 48000);
const digit = fc.constantFrom(..."0123456789*#ABCD".split(""));
// Ids as a dialect can produce them: peer JSON never carries a poison key (parsePeerJson drops them).
const ids = fc.dictionary(
  fc.string().filter((key) => !isPoisonKey(key)),
  fc.string(),
);

const inbound = fc.oneof(
  fc.record({ type: fc.constant("session-accepted" as const), raw }),
  fc.record({ type: fc.constant("session-started" as const), ids, raw }),
  fc.record({ type: fc.constant("session-ending" as const), reason: fc.option(fc.string(), { nil: undefined }), raw }),
  fc.record({
    type: fc.constant("session-ended" as const),
    reason: fc.string(),
    code: fc.option(fc.integer({ min: 1000, max: 4999 }), { nil: undefined }),
    raw,
  }),
  fc.record({
    type: fc.constant("agent-state" as const),
    state: fc.constantFrom("idle" as const, "listening" as const, "thinking" as const, "speaking" as const),
    raw,
  }),
  fc.record({ type: fc.constant("audio-chunk" as const), audio: pcm, sampleRate: rate, raw }),
  fc.record({ type: fc.constant("playback-clear" as const), raw }),
  fc.record({ type: fc.constant("mark-played" as const), name: fc.string(), raw }),
  fc.record({ type: fc.constant("transcript-delta" as const), role, delta: fc.string(), text: fc.string(), raw }),
  fc.record({ type: fc.constant("transcript-end" as const), role, text: fc.string(), raw }),
  fc.record({ type: fc.constant("dtmf-received" as const), digit, raw }),
  fc.record({ type: fc.constant("transfer-requested" as const), reason: fc.option(fc.string(), { nil: undefined }), raw }),
  fc.record({ type: fc.constant("error" as const), code: fc.string(), message: fc.string(), fatal: fc.boolean(), retryable: fc.boolean(), raw }),
  fc.record({ type: fc.constant("debug" as const), message: fc.string(), raw }),
  fc.record({ type: fc.constant("passthrough" as const), name: fc.string(), payload: fc.jsonValue(), raw }),
);

const outbound = fc.oneof(
  fc.record({ type: fc.constant("audio-append" as const), audio: pcm, sampleRate: rate }),
  fc.record({ type: fc.constant("playback-clear" as const) }),
  fc.record({ type: fc.constant("mark" as const), name: fc.string({ minLength: 1 }) }),
  fc.record({ type: fc.constant("dtmf-send" as const), digit }),
  fc.record({ type: fc.constant("session-stop" as const), reason: fc.option(fc.string(), { nil: undefined }) }),
);

describe("event schemas", () => {
  test.prop([inbound])("every well-formed inbound event parses to itself", (event) => {
    expect(inboundEventSchema.parse(event)).toEqual(event);
  });

  test.prop([outbound])("every well-formed outbound event parses to itself", (event) => {
    expect(outboundEventSchema.parse(event)).toEqual(event);
  });

  it("drops an own __proto__ key from ids instead of setting the prototype", () => {
    const event = inboundEventSchema.parse({ type: "session-started", ids: JSON.parse('{"__proto__":"x","callId":"c1"}') });
    const parsed = (event as { ids: Record<string, string> }).ids;
    expect(parsed).toEqual({ callId: "c1" });
    expect(Object.hasOwn(parsed, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it("rejects an unknown type, a non-PCM audio payload and a bad digit", () => {
    expect(inboundEventSchema.safeParse({ type: "nope" }).success).toBe(false);
    expect(inboundEventSchema.safeParse({ type: "audio-chunk", audio: [1, 2], sampleRate: 16000 }).success).toBe(false);
    expect(outboundEventSchema.safeParse({ type: "dtmf-send", digit: "x" }).success).toBe(false);
    expect(inboundEventSchema.safeParse({ type: "agent-state", state: "sleeping" }).success).toBe(false);
  });

  test.prop([fc.oneof(fc.string({ maxLength: 2 }), digit, fc.constantFrom("a", "d", "w", "W", "e", "**", "1 "), fc.anything())])(
    "isDtmfDigit accepts exactly what dtmfDigitSchema accepts",
    (value) => {
      expect(isDtmfDigit(value)).toBe(dtmfDigitSchema.safeParse(value).success);
    },
  );
});
