import type { ConformanceSubject } from "@voxwire/conformance";
import { gemini } from "../gemini.js";
import { DIALECT_NAME, GEMINI_SAMPLE_MODEL, GEMINI_SERVER_MESSAGES } from "../wire.js";
import { GEMINI_FRONT_REFUSALS, type GeminiFrontOptions, geminiFront } from "./front.js";

/** Gemini Live as the shared conformance suite and the CLI see it. */
export const geminiSubject: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "Gemini Live API (BidiGenerateContent: key or auth_tokens/ token in the query; setup first; base64 PCM16, 16 kHz in, 24 kHz out)",
  client: ({ url, key }) => gemini({ apiKey: key, model: GEMINI_SAMPLE_MODEL, baseUrl: url }),
  front: (options) => geminiFront(options as GeminiFrontOptions),
  frontOptions: {
    connectionMs: { type: "number", summary: "end every connection after this many ms, with a goAway first (the service: about ten minutes)" },
    goAwayMs: { type: "number", summary: "how long before that end the goAway comes (default a third, at most 60000)" },
    tokenTtlMs: { type: "number", summary: "how long a minted ephemeral token may open a session (default 60000)" },
  },
  authRefusal: {
    kind: "close",
    code: GEMINI_FRONT_REFUSALS.badKey.code,
    errorCode: "auth_failed",
    source:
      "no Live API document states it; clients observe close 1007 with the reason 'API key not valid' / 'API key expired' (yagudaev/voiceclaw PR #155), packages/gemini/README.md",
  },
  // usageMetadata, sessionResumptionUpdate …: documented, passed through.
  documentedMessages: GEMINI_SERVER_MESSAGES,
};
