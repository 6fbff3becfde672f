import type { PhoneLegSubject } from "@voxwire/conformance";
import { TWILIO_LIKE_AUDIO } from "@voxwire/conformance";
import { asterisk } from "../asterisk.js";
import { DIALECT_NAME } from "../wire.js";
import { simulateAsteriskCall } from "./asterisk-call.js";

/** The Asterisk leg as the shared suite and the CLI see it: ulaw, served on `/asterisk/media`, dialed by the Asterisk simulator. */
export const asteriskSubject: PhoneLegSubject = {
  name: DIALECT_NAME,
  summary: "Asterisk chan_websocket (BINARY media, TEXT/JSON control: MEDIA_START, MARK_MEDIA, FLUSH_MEDIA, MEDIA_XOFF/XON, DTMF_END)",
  dialect: () => asterisk(),
  path: "/asterisk/media",
  dial: (options) => simulateAsteriskCall(options),
  audio: TWILIO_LIKE_AUDIO,
  opensWithConnected: false,
  clearEchoesMarks: false,
  endsByClosing: true,
};

/** slin16 with plain-text control (the legacy format). */
export const asteriskSlin16Subject: PhoneLegSubject = {
  ...asteriskSubject,
  name: `${DIALECT_NAME}-slin16`,
  summary: "Asterisk chan_websocket in slin16 with plain-text control",
  dialect: () => asterisk({ format: "slin16" }),
  dial: (options) => simulateAsteriskCall({ ...options, format: "slin16", control: "plain-text" }),
  audio: { sampleRate: 16000, inFrameMs: 20, outBytes: { multipleOf: 640, min: 640, max: 65_280 } },
};
