import type { ConformanceSubject, FrontOptionSpec } from "@voxwire/conformance";
import { omnia } from "../omnia.js";
import { ultravox } from "../ultravox.js";
import { ULTRAVOX_PRESET } from "../wire.js";
import { OMNIA_SAMPLE_AGENT, type OmniaFrontOptions, omniaFront } from "./front.js";

const FRONT_OPTIONS: Readonly<Record<string, FrontOptionSpec>> = {
  createStatus: { type: "number", values: [200, 201], summary: "the status a created call is answered with (default 201)" },
  debug: { type: "boolean", summary: "narrate the call in debug messages" },
};

/** Omnia Voice as the shared conformance suite and the CLI see it. */
export const omniaSubject: ConformanceSubject = {
  name: "omnia",
  summary: "Omnia Voice call-create (POST /api/v1/calls/create with X-API-Key, then PCM16 at the created rates, 8-48 kHz)",
  client: ({ url, key, agentId, sampleRate }) =>
    omnia({
      apiKey: key,
      agentId: agentId ?? OMNIA_SAMPLE_AGENT,
      inputSampleRate: sampleRate ?? 48000,
      outputSampleRate: sampleRate ?? 48000,
      baseUrl: url,
    }),
  front: (options) => omniaFront(options as OmniaFrontOptions),
  socketClient: ({ wsUrl, sampleRate }) => omnia({ websocketUrl: wsUrl, inputSampleRate: sampleRate ?? 48000 }),
  frontOptions: FRONT_OPTIONS,
  authRefusal: {
    kind: "bootstrap",
    statuses: [401, 403],
    source: "Omnia Voice guide (docs/sources.md): the create call is answered non-2xx and its body is the error",
  },
};

/** The Ultravox preset of the same dialect, against the same simulator speaking Ultravox's create-call shape. */
export const ultravoxSubject: ConformanceSubject = {
  name: "ultravox",
  summary: "Ultravox serverWebSocket (POST /api/agents/{id}/calls with X-API-Key, then PCM16 at the created rates)",
  client: ({ url, key, agentId, sampleRate }) =>
    ultravox({
      apiKey: key,
      agentId: agentId ?? OMNIA_SAMPLE_AGENT,
      inputSampleRate: sampleRate ?? 48000,
      outputSampleRate: sampleRate ?? 48000,
      baseUrl: url,
    }),
  front: (options) => omniaFront({ ...(options as OmniaFrontOptions), preset: ULTRAVOX_PRESET }),
  socketClient: ({ wsUrl, sampleRate }) => ultravox({ joinUrl: wsUrl, inputSampleRate: sampleRate ?? 48000 }),
  frontOptions: FRONT_OPTIONS,
  // Ultravox documents a pong for the ping a client may send (we send none), and transcripts
  // with medium and ordinal, which the Omnia guide's wire lacks: what tells the two apart.
  documentedMessages: ["pong"],
  probeMarks: { transcript: ["ordinal", "medium"] },
  authRefusal: {
    kind: "bootstrap",
    statuses: [401, 403],
    source: "Ultravox API: the create-call request is refused with an HTTP error (fixie-ai/ultradox, apps/websockets.mdx)",
  },
};
