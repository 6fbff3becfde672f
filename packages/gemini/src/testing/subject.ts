import type { ConformanceSubject } from "@voxwire/conformance";
import { gemini } from "../gemini.js";
import { DIALECT_NAME, GeminiClose } from "../wire.js";
import { geminiFront } from "./front.js";

/** Gemini as the shared conformance suite and the CLI see it: its client, its simulator's front, its refusal. */
export const geminiSubject: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "Gemini PCM16 (scaffold: key in the gemini-key subprotocol; 16 kHz)",
  client: ({ url, key }) => gemini({ apiKey: key, baseUrl: url }),
  front: geminiFront,
  authRefusal: {
    kind: "close",
    code: GeminiClose.badKey,
    errorCode: "auth_failed",
    source: "scaffold placeholder: name the vendor document that says a bad key closes with this code",
  },
};
