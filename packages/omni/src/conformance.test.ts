// The shared conformance suite (docs/conformance.md): goldens through both roles, decoding any
// frame sequence never throws, and the live scenarios against Omni's built-in simulator.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { omniSubject } from "./testing/index.js";

/** Omni's messages, every field of any value. */
const messages = fc.record({
  type: fc.constantFrom("hello", "session_started", "flush", "dtmf", "transfer_to_human", "session_ending", "transcript", "partial", "x"),
  digit: fc.anything(),
  text: fc.anything(),
  delta: fc.anything(),
  role: fc.anything(),
  final: fc.anything(),
  reason: fc.anything(),
  session_id: fc.anything(),
});

describeConformance(omniSubject, { fuzz: { messages, maxBytes: 4096 } });
