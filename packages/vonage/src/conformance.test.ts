// The shared conformance suite (docs/conformance.md): the Vonage goldens through both roles,
// decoding any frame sequence never throws, and the phone leg's live scenarios: Vonage dials the
// application, so the socket is served and the Vonage simulator dials it (16 and 8 kHz).
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { vonage8kSubject, vonageSubject } from "./testing/index.js";

const messages = fc.record({
  event: fc.constantFrom("websocket:connected", "websocket:notify", "websocket:cleared", "websocket:dtmf", "other"),
  "content-type": fc.oneof(fc.constant("audio/l16;rate=16000"), fc.anything()),
  digit: fc.anything(),
  dtmf: fc.anything(),
  payload: fc.anything(),
});

describeConformance(vonageSubject, { fuzz: { messages, maxBytes: 1024 } });
describeConformance(vonage8kSubject, { golden: "vonage-8k", live: true, fuzzRuns: 50 });
