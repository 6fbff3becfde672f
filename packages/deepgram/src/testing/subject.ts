import type { ConformanceSubject } from "@voxwire/conformance";
import { deepgram } from "../deepgram.js";
import { DEEPGRAM_INPUT_RATES, DEEPGRAM_OUTPUT_RATES, DEEPGRAM_SERVER_MESSAGES, DIALECT_NAME } from "../wire.js";
import { type DeepgramFrontOptions, deepgramFront } from "./front.js";

/** Deepgram's Voice Agent API as the shared conformance suite and the CLI see it. */
export const deepgramSubject: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "Deepgram Voice Agent API (Token key or bearer JWT; Settings first; binary linear16 both ways, 24 kHz by default)",
  // A target rate asks for it both ways where Deepgram takes it (a phone bridge's 8 kHz), else the 24 kHz default.
  client: ({ url, key, sampleRate }) => {
    const rate =
      sampleRate !== undefined && DEEPGRAM_INPUT_RATES.includes(sampleRate) && DEEPGRAM_OUTPUT_RATES.includes(sampleRate) ? sampleRate : undefined;
    return deepgram({ apiKey: key, baseUrl: url, ...(rate === undefined ? {} : { inputSampleRate: rate, outputSampleRate: rate }) });
  },
  front: (options) => deepgramFront(options as DeepgramFrontOptions),
  frontOptions: {
    inputSampleRate: { type: "number", values: DEEPGRAM_INPUT_RATES, summary: "the linear16 rate the agent hears (default 24000)" },
    outputSampleRate: { type: "number", values: DEEPGRAM_OUTPUT_RATES, summary: "the linear16 rate the agent speaks at (default 24000)" },
    idleTimeoutMs: { type: "number", summary: "close a session silent this long with Error CLIENT_MESSAGE_TIMEOUT (default 10000; 0: never)" },
  },
  // SettingsApplied, the *Updated acknowledgements, History, LatencyReport, …: documented, passed through.
  documentedMessages: DEEPGRAM_SERVER_MESSAGES,
  // No authRefusal: a wrong key is HTTP 401 at the upgrade (front.ts), which the suite accepts as an auth failure.
};
