// The shared conformance suite (docs/conformance.md): goldens through both roles, decoding any
// frame sequence never throws, and the live scenarios against the built-in simulator.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { tokenFirstSubject } from "./testing/index.js";

/** Token-first's messages, any of their fields present, of any value. */
const messages = fc.record(
  {
    type: fc.constantFrom("connected", "agent_ready", "session_ended", "error", "x"),
    reason: fc.anything(),
    code: fc.anything(),
    message: fc.anything(),
    token: fc.anything(),
    session_id: fc.anything(),
  },
  { requiredKeys: [] },
);

describeConformance(tokenFirstSubject, { fuzz: { messages } });
