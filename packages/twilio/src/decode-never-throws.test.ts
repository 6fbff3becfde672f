import { fc } from "@fast-check/vitest";
import type { ConnectPlan } from "@voxwire/core";
import { describe } from "vitest";
import { decodeNeverThrows, frameSequences } from "../../core/test/decode-never-throws.js";
import { twilio } from "./index.js";

const dialect = twilio();
const plan = (dialect.prepare({ runtime: "node", now: 0 }) as { plan: ConnectPlan }).plan;
const SID = "MZ0123";

/** Twilio's messages (with this stream's sid or not), every field of any value. */
const twilioMessage = fc.record({
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

describe("decode never throws", () => {
  decodeNeverThrows([{ dialect, plan }], frameSequences(twilioMessage, 512), {
    // Twilio's side, once our codec's stream has started.
    warmUpPeer: (peer) => peer.encode({ type: "session-started", ids: { streamSid: SID } }),
    upgradeRejected: false,
  });
});
