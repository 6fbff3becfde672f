import type { PhoneLegSubject } from "@voxwire/conformance";
import { plivo } from "../plivo.js";
import { DIALECT_NAME } from "../wire.js";
import { simulatePlivoCall } from "./plivo-call.js";

/** The Plivo leg as the shared suite and the CLI see it: L16 at 8 kHz (Plivo's default), served on `/plivo/media`. */
export const plivoSubject: PhoneLegSubject = {
  name: DIALECT_NAME,
  summary:
    "Plivo Audio Streams (Plivo dials the application: JSON text, L16 8/16 kHz or μ-law, checkpoints, clearAudio, DTMF; no connected, no stop)",
  dialect: () => plivo(),
  path: "/plivo/media",
  dial: (options) => simulatePlivoCall(options),
  audio: { sampleRate: 8000, inFrameMs: 20, outBytes: { multipleOf: 320, min: 320, max: 320 } },
  opensWithConnected: false,
  clearEchoesMarks: false,
  endsByClosing: true,
};

/** The same leg in L16 at 16 kHz. */
export const plivo16kSubject: PhoneLegSubject = {
  ...plivoSubject,
  name: `${DIALECT_NAME}-16k`,
  summary: "Plivo Audio Streams in L16 at 16 kHz",
  dialect: () => plivo({ sampleRate: 16000 }),
  dial: (options) => simulatePlivoCall({ ...options, sampleRate: 16000 }),
  audio: { sampleRate: 16000, inFrameMs: 20, outBytes: { multipleOf: 640, min: 640, max: 640 } },
};
