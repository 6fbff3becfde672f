// The shared conformance suite of @voxwire/conformance, run on a dialect written outside the
// voxwire repository: this example's golden files through both codecs, decoding any frame
// sequence never throwing, and the live scenarios against the simulator engine with this front.
import { fileURLToPath } from "node:url";
import { describeConformance } from "@voxwire/conformance/vitest";
import fc from "fast-check";
import { echoJsonSubject } from "./subject.js";

const goldenDir = fileURLToPath(new URL("../golden", import.meta.url));

/** Echo JSON's own messages, every field of any value, so the fuzzing reaches past the type switch. */
const messages = fc.record({
  type: fc.constantFrom("ready", "audio", "clear", "transcript", "x"),
  audio: fc.oneof(fc.base64String({ maxLength: 64 }), fc.anything()),
  role: fc.oneof(fc.constantFrom("user", "agent"), fc.anything()),
  text: fc.anything(),
  session_id: fc.anything(),
});

describeConformance(echoJsonSubject, { goldenDir, fuzz: { messages } });
