// The shared conformance suite (docs/conformance.md): the Plivo goldens through both roles,
// decoding any frame sequence never throws, and the phone leg's live scenarios: Plivo dials the
// application, so the stream is served and the Plivo simulator dials it (L16 8 and 16 kHz).
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { plivo16kSubject, plivoSubject } from "./testing/index.js";

const ID = "20170ada-f610-433b-8758-c02a2aab3662";

const messages = fc.record({
  event: fc.constantFrom("start", "media", "dtmf", "playedStream", "played", "clearedAudio", "other"),
  streamId: fc.oneof(fc.constant(ID), fc.anything()),
  sequenceNumber: fc.anything(),
  name: fc.anything(),
  start: fc.oneof(fc.anything(), fc.record({ streamId: fc.constant(ID), callId: fc.anything(), mediaFormat: fc.anything() })),
  media: fc.oneof(fc.anything(), fc.record({ payload: fc.oneof(fc.base64String(), fc.string()), track: fc.anything(), chunk: fc.anything() })),
  dtmf: fc.anything(),
  extra_headers: fc.anything(),
});

describeConformance(plivoSubject, {
  fuzz: { messages, maxBytes: 512, warmUpPeer: (peer) => void peer.encode({ type: "session-started", ids: { streamId: ID } }) },
});
describeConformance(plivo16kSubject, { golden: "plivo-16k", live: true, fuzzRuns: 50 });
