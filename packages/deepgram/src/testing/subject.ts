import type { ConformanceSubject } from "@voxwire/conformance";
import { deepgram } from "../deepgram.js";
import { DeepgramClose, DIALECT_NAME } from "../wire.js";
import { deepgramFront } from "./front.js";

/** Deepgram as the shared conformance suite and the CLI see it: its client, its simulator's front, its refusal. */
export const deepgramSubject: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "Deepgram PCM16 (scaffold: key in the deepgram-key subprotocol; 16 kHz)",
  client: ({ url, key }) => deepgram({ apiKey: key, baseUrl: url }),
  front: deepgramFront,
  authRefusal: {
    kind: "close",
    code: DeepgramClose.badKey,
    errorCode: "auth_failed",
    source: "scaffold placeholder: name the vendor document that says a bad key closes with this code",
  },
};
