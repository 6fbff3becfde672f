// The shared conformance suite (docs/conformance.md): the Telnyx goldens through both roles,
// decoding any frame sequence never throws, and the phone leg's live scenarios: Telnyx dials the
// application, so the stream is served and the Telnyx simulator dials it (PCMU and L16 16 kHz).
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { telnyxL16Subject, telnyxSubject } from "./testing/index.js";

const ID = "32DE0DEA-53CB-4B21-89A4-9E1819C043BC";

/** Telnyx's messages (with this stream's id or not), every field of any value. */
const messages = fc.record({
  event: fc.constantFrom("connected", "start", "media", "dtmf", "mark", "error", "stop", "clear", "other"),
  stream_id: fc.oneof(fc.constant(ID), fc.anything()),
  sequence_number: fc.anything(),
  start: fc.oneof(fc.anything(), fc.record({ call_control_id: fc.anything(), media_format: fc.anything(), custom_parameters: fc.anything() })),
  media: fc.oneof(
    fc.anything(),
    fc.record({ payload: fc.oneof(fc.base64String(), fc.string()), track: fc.anything(), chunk: fc.oneof(fc.nat().map(String), fc.anything()) }),
  ),
  dtmf: fc.anything(),
  mark: fc.anything(),
});

describeConformance(telnyxSubject, {
  fuzz: { messages, maxBytes: 512, warmUpPeer: (peer) => void peer.encode({ type: "session-started", ids: { streamId: ID } }) },
});
describeConformance(telnyxL16Subject, { golden: "telnyx-l16", live: true, fuzzRuns: 50 });
