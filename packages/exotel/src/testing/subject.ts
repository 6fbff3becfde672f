import type { PhoneLegSubject } from "@voxwire/conformance";
import { exotel } from "../exotel.js";
import { DIALECT_NAME } from "../wire.js";
import { simulateExotelCall } from "./exotel-call.js";

/** The Exotel leg as the shared suite and the CLI see it: 8 kHz, served on `/exotel/media`. */
export const exotelSubject: PhoneLegSubject = {
  name: DIALECT_NAME,
  summary:
    "Exotel AgentStream, Voicebot applet (Exotel dials the application: snake_case JSON, 16-bit PCM, 320-byte multiples ≥ 3.2 KB back, marks, clear, DTMF)",
  dialect: () => exotel(),
  path: "/exotel/media",
  dial: (options) => simulateExotelCall(options),
  audio: { sampleRate: 8000, inFrameMs: 100, outBytes: { multipleOf: 320, min: 3200, max: 100 * 1024 } },
  opensWithConnected: true,
  clearEchoesMarks: true,
};
