// The shared conformance suite (docs/conformance.md): the Exotel goldens through both roles,
// decoding any frame sequence never throws, and the live scenarios: the Exotel simulator dials
// the served stream, and checks every chunk sent back against Exotel's size rules.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { exotelSubject } from "./testing/index.js";

const SID = "MZ0123";
const messages = fc.record({
  event: fc.constantFrom("connected", "start", "media", "dtmf", "mark", "stop", "clear", "other"),
  stream_sid: fc.oneof(fc.constant(SID), fc.anything()),
  sequence_number: fc.anything(),
  start: fc.oneof(
    fc.anything(),
    fc.record({ stream_sid: fc.constant(SID), call_sid: fc.anything(), media_format: fc.anything(), custom_parameters: fc.anything() }),
  ),
  media: fc.oneof(fc.anything(), fc.record({ payload: fc.oneof(fc.base64String(), fc.string()), chunk: fc.anything() })),
  dtmf: fc.anything(),
  mark: fc.anything(),
});

describeConformance(exotelSubject, {
  fuzz: { messages, maxBytes: 512, warmUpPeer: (peer) => void peer.encode({ type: "session-started", ids: { streamId: SID } }) },
});
