import type { ConformanceSubject } from "@voxwire/conformance";
import { openai } from "../openai.js";
import { DIALECT_NAME, OpenaiClose } from "../wire.js";
import { openaiFront } from "./front.js";

/** Openai as the shared conformance suite and the CLI see it: its client, its simulator's front, its refusal. */
export const openaiSubject: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "Openai PCM16 (scaffold: key in the openai-key subprotocol; 16 kHz)",
  client: ({ url, key }) => openai({ apiKey: key, baseUrl: url }),
  front: openaiFront,
  authRefusal: {
    kind: "close",
    code: OpenaiClose.badKey,
    errorCode: "auth_failed",
    source: "scaffold placeholder: name the vendor document that says a bad key closes with this code",
  },
};
