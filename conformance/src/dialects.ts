import { ConfigError, type Dialect } from "@voxwire/core";
import { type OmniRate, omni } from "@voxwire/omni";
import { omniFront } from "./simulator/fronts/omni-front.js";
import { omnia } from "@voxwire/omnia";
import { OMNIA_SAMPLE_AGENT, omniaFront } from "./simulator/fronts/omnia-front.js";
import { tokenFirst } from "@voxwire/token-first";
import { tokenFirstFront } from "./simulator/fronts/token-first-front.js";
import { orbitali } from "@voxwire/orbitali";
import { ORBITALI_SAMPLE_AGENT, orbitaliFront } from "./simulator/fronts/orbitali-front.js";
import type { VendorFront } from "./simulator/vendor-front.js";

/** Where a client dialect should dial: a simulator's URL (or the vendor's) and a key it accepts. */
export interface ClientTarget {
  /** Base URL, e.g. a simulator's `http://127.0.0.1:PORT`. */
  url: string;
  key: string;
  /** The agent to talk to, where the dialect names one (default: the dialect's sample id). */
  agentId?: string;
  /** The wire rate, where the client chooses it (default: the dialect's browser rate). */
  sampleRate?: number;
}

/** One dialect as the conformance toolkit knows it. Adding a dialect is one entry here plus its front. */
export interface DialectEntry {
  readonly name: string;
  /** One line for `voxwire --help`. */
  readonly summary: string;
  /** The client dialect aimed at `target`. */
  client(target: ClientTarget): Dialect;
  /** A fresh vendor front for a simulator of this dialect. */
  front(): VendorFront;
}

/** The sample agent id the Omni guides use; the Omni simulator accepts any well-formed id. */
export const OMNI_SAMPLE_AGENT = "agent_123";

export const DIALECTS: Readonly<Record<string, DialectEntry>> = {
  omni: {
    name: "omni",
    summary: "Omni binary PCM16 (key in the pyai-key subprotocol; 8/16/24 kHz)",
    client: ({ url, key, agentId, sampleRate }) =>
      omni({ agentId: agentId ?? OMNI_SAMPLE_AGENT, apiKey: key, rate: (sampleRate ?? 24000) as OmniRate, baseUrl: url }),
    front: omniFront,
  },
  omnia: {
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
    front: () => omniaFront(),
  },
  "token-first": {
    name: "token-first",
    summary: "token-first-message (POST /api/v1/sdk/token with a Bearer key, {\"token\"} first, PCM16 16 kHz in 640-byte frames)",
    // The wire is 16 kHz and names no agent: `sampleRate` and `agentId` do not apply.
    client: ({ url, key }) => tokenFirst({ apiUrl: url, apiKey: key }),
    front: () => tokenFirstFront(),
  },
  orbitali: {
    name: "orbitali",
    summary: "Orbitali JSON-base64 (POST realtime-sessions with a Bearer key, single-use 60 s token, base64 PCM16 16 kHz in / 24 kHz out)",
    // The rates come from the session's protocol block: `sampleRate` does not apply.
    client: ({ url, key, agentId }) => orbitali({ apiKey: key, agentId: agentId ?? ORBITALI_SAMPLE_AGENT, baseUrl: url }),
    front: () => orbitaliFront(),
  },
};

/** The registry entry for `name`, or a ConfigError listing the known ones. */
export function dialectEntry(name: string): DialectEntry {
  const entry = Object.hasOwn(DIALECTS, name) ? DIALECTS[name] : undefined;
  if (!entry) throw new ConfigError(`unknown dialect "${name}"; known: ${Object.keys(DIALECTS).join(", ")}`);
  return entry;
}

export function simulatorFront(name: string): VendorFront {
  return dialectEntry(name).front();
}
