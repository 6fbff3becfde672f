// The shared conformance suite (docs/conformance.md): the Media Streams goldens through both
// roles, decoding any frame sequence never throws, and the phone leg's live scenarios: Twilio
// dials the application (role "server"), so the stream is served and the Twilio simulator dials it.
import { fc } from "@fast-check/vitest";
import { describeConformance } from "@voxwire/conformance/vitest";
import { twilioSubject } from "./testing/index.js";

const SID = "MZ0123";

/** Twilio's messages (with this stream's sid or not), every field of any value. */
const messages = fc.record({
  event: fc.constantFrom("connected", "start", "media", "dtmf", "mark", "stop", "clear", "other"),
  streamSid: fc.oneof(fc.constant(SID), fc.anything()),
  sequenceNumber: fc.anything(),
  start: fc.oneof(
    fc.anything(),
    fc.record({
      streamSid: fc.constant(SID),
      callSid: fc.anything(),
      tracks: fc.anything(),
      customParameters: fc.anything(),
      mediaFormat: fc.anything(),
    }),
  ),
  media: fc.oneof(fc.anything(), fc.record({ payload: fc.oneof(fc.base64String(), fc.string()), track: fc.anything(), chunk: fc.anything() })),
  dtmf: fc.anything(),
  mark: fc.anything(),
});

describeConformance(twilioSubject, {
  // Twilio's side, once our codec's stream has started.
  fuzz: { messages, maxBytes: 512, warmUpPeer: (peer) => void peer.encode({ type: "session-started", ids: { streamSid: SID } }) },
});
