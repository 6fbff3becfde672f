import type { PhoneLegSubject } from "@voxwire/conformance";
import { vonage } from "../vonage.js";
import { DIALECT_NAME } from "../wire.js";
import { simulateVonageCall } from "./vonage-call.js";

/** The Vonage leg as the shared suite and the CLI see it: L16 at 16 kHz, served on `/vonage/media`. */
export const vonageSubject: PhoneLegSubject = {
  name: DIALECT_NAME,
  summary: "Vonage Voice API WebSocket (Vonage dials the application: websocket:connected, BINARY L16 8/16/24 kHz, notify, clear, DTMF)",
  dialect: () => vonage(),
  path: "/vonage/media",
  dial: (options) => simulateVonageCall(options),
  audio: { sampleRate: 16000, inFrameMs: 20, outBytes: { multipleOf: 640, min: 640, max: 640 } },
  opensWithConnected: true,
  clearEchoesMarks: false,
  endsByClosing: true,
};

/** At 8 kHz (320-byte frames). */
export const vonage8kSubject: PhoneLegSubject = {
  ...vonageSubject,
  name: `${DIALECT_NAME}-8k`,
  summary: "Vonage Voice API WebSocket at 8 kHz",
  dialect: () => vonage({ sampleRate: 8000 }),
  dial: (options) => simulateVonageCall({ ...options, sampleRate: 8000 }),
  audio: { sampleRate: 8000, inFrameMs: 20, outBytes: { multipleOf: 320, min: 320, max: 320 } },
};
