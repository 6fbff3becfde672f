// The shared conformance suite (docs/conformance.md) for Omnia Voice and its Ultravox preset:
// goldens through both roles, decoding any frame sequence never throws, and the live scenarios
// against the built-in simulator speaking each preset's create call.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { omniaSubject, ultravoxSubject } from "./testing/index.js";

/** This wire's messages, every field of any value. */
const messages = fc.record({
  type: fc.constantFrom("playback_clear_buffer", "state", "transcript", "call_started", "error", "debug", "pong", "x"),
  state: fc.anything(),
  role: fc.oneof(fc.constantFrom("user", "agent"), fc.anything()),
  text: fc.anything(),
  delta: fc.anything(),
  final: fc.anything(),
  message: fc.anything(),
  callId: fc.anything(),
  code: fc.anything(),
});
const fuzz = { messages, maxBytes: 4096, nonEmpty: true };

/** Ultravox's own messages besides, every field of any value. */
const ultravoxMessages = fc.oneof(
  messages,
  fc.record({
    type: fc.constantFrom("client_tool_invocation", "client_tool_result", "user_text_message", "hang_up"),
    toolName: fc.oneof(fc.string(), fc.anything()),
    invocationId: fc.oneof(fc.string(), fc.anything()),
    parameters: fc.anything(),
    ordinal: fc.anything(),
    medium: fc.anything(),
  }),
);

describeConformance(omniaSubject, { fuzz });
describeConformance(ultravoxSubject, { fuzz: { ...fuzz, messages: ultravoxMessages } });
