import type { ConformanceSubject } from "@voxwire/conformance";
import { omni } from "../omni.js";
import type { OmniRate } from "../wire.js";
import { omniFront } from "./front.js";

/** The sample agent id the Omni guides use; the Omni simulator accepts any well-formed id. */
export const OMNI_SAMPLE_AGENT = "agent_123";

/** Omni as the shared conformance suite and the CLI see it: its client, its simulator's front, its refusal. */
export const omniSubject: ConformanceSubject = {
  name: "omni",
  summary: "Omni binary PCM16 (key in the pyai-key subprotocol; 8/16/24 kHz)",
  client: ({ url, key, agentId, sampleRate }) =>
    omni({ agentId: agentId ?? OMNI_SAMPLE_AGENT, apiKey: key, rate: (sampleRate ?? 24000) as OmniRate, baseUrl: url }),
  front: omniFront,
  authRefusal: {
    kind: "close",
    code: 4401,
    errorCode: "auth_failed",
    source: 'Omni browser and phone-bridge guides, "Troubleshooting" (docs/sources.md): 4401 = bad key',
  },
};
