// The shared conformance suite (docs/conformance.md): the chan_websocket goldens through both
// roles, decoding any frame sequence never throws, and the phone leg's live scenarios: Asterisk
// dials the application, so the stream is served and the Asterisk simulator dials it (ulaw with
// JSON control, slin16 with plain-text control).
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { asteriskSlin16Subject, asteriskSubject } from "./testing/index.js";

const messages = fc.record({
  event: fc.constantFrom("MEDIA_START", "DTMF_END", "MEDIA_XOFF", "MEDIA_XON", "MEDIA_MARK_PROCESSED", "STATUS", "HANGUP", "OTHER"),
  connection_id: fc.anything(),
  channel_id: fc.anything(),
  format: fc.oneof(fc.constant("ulaw"), fc.anything()),
  optimal_frame_size: fc.oneof(fc.constant(160), fc.integer(), fc.anything()),
  digit: fc.anything(),
  correlation_id: fc.anything(),
  channel_variables: fc.anything(),
});

describeConformance(asteriskSubject, { fuzz: { messages, maxBytes: 2048 } });
describeConformance(asteriskSlin16Subject, { golden: "asterisk-slin16", live: true, fuzzRuns: 50 });
