import type { PhoneLegSubject } from "@voxwire/conformance";
import { TWILIO_LIKE_AUDIO } from "@voxwire/conformance";
import { telnyx } from "../telnyx.js";
import { DIALECT_NAME } from "../wire.js";
import { simulateTelnyxCall } from "./telnyx-call.js";

/** The Telnyx leg as the shared suite and the CLI see it: served on `/telnyx/media`, dialed by the Telnyx simulator (PCMU, 8 kHz). */
export const telnyxSubject: PhoneLegSubject = {
  name: DIALECT_NAME,
  summary: "Telnyx media streaming (Telnyx dials the application: JSON text, RTP payloads in base64, PCMU/PCMA/L16, marks, clear, DTMF)",
  dialect: () => telnyx(),
  path: "/telnyx/media",
  dial: (options) => simulateTelnyxCall(options),
  audio: TWILIO_LIKE_AUDIO,
  opensWithConnected: true,
  clearEchoesMarks: true,
};

/** The same leg in L16 at 16 kHz (`codec: "L16"`), for the wideband scenarios. */
export const telnyxL16Subject: PhoneLegSubject = {
  ...telnyxSubject,
  name: `${DIALECT_NAME}-l16`,
  summary: "Telnyx media streaming in L16 at 16 kHz (big-endian RTP payloads)",
  dialect: () => telnyx({ codec: "L16", sampleRate: 16000 }),
  dial: (options) => simulateTelnyxCall({ ...options, codec: "L16", sampleRate: 16000 }),
  audio: { sampleRate: 16000, inFrameMs: 20, outBytes: { multipleOf: 640, min: 640, max: 640 } },
};
