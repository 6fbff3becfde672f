import type { ConformanceSubject, FrontOptionSpec } from "@voxwire/conformance";
import { orbitali } from "../orbitali.js";
import { ORBITALI_SAMPLE_AGENT, type OrbitaliFrontOptions, orbitaliFront } from "./front.js";

const TOKEN_TTL_OPTION: FrontOptionSpec = { type: "number", summary: "how long an issued token stays valid, ms (default 60000)" };

/** Orbitali as the shared conformance suite and the CLI see it. */
export const orbitaliSubject: ConformanceSubject = {
  name: "orbitali",
  summary: "Orbitali JSON-base64 (POST realtime-sessions with a Bearer key, single-use 60 s token, base64 PCM16 16 kHz in / 24 kHz out)",
  // The rates come from the session's protocol block: `sampleRate` does not apply.
  client: ({ url, key, agentId }) => orbitali({ apiKey: key, agentId: agentId ?? ORBITALI_SAMPLE_AGENT, baseUrl: url }),
  front: (options) => orbitaliFront(options as OrbitaliFrontOptions),
  frontOptions: {
    tokenTtlMs: TOKEN_TTL_OPTION,
    inputRate: { type: "number", summary: "the input rate the protocol block declares, Hz (default 16000)" },
    outputRate: { type: "number", summary: "the output rate the protocol block declares, Hz (default 24000)" },
  },
  authRefusal: {
    kind: "bootstrap",
    statuses: [401, 403],
    source: "Orbitali guide (docs/sources.md), Step 1 and Code Example: realtime-sessions refuses the key; the route passes the status on",
  },
};
