import { ConfigError, type Dialect } from "@voxwire/core";
import { type OmniRate, omni } from "@voxwire/omni";
import { omnia } from "@voxwire/omnia";
import { orbitali } from "@voxwire/orbitali";
import { tokenFirst } from "@voxwire/token-first";
import { twilio } from "@voxwire/twilio";
import type { ClientTarget } from "./client-target.js";
import type { AuthRefusal } from "./live/auth-refusal.js";
import type { PhoneLegSubject } from "./live/live-subject.js";
import type { FrontOptionSpec, FrontOptions } from "./simulator/front-options.js";
import { omniFront } from "./simulator/fronts/omni-front.js";
import type { OmniaFrontOptions } from "./simulator/fronts/omnia-front.js";
import { OMNIA_SAMPLE_AGENT, omniaFront } from "./simulator/fronts/omnia-front.js";
import type { OrbitaliFrontOptions } from "./simulator/fronts/orbitali-front.js";
import { ORBITALI_SAMPLE_AGENT, orbitaliFront } from "./simulator/fronts/orbitali-front.js";
import type { TokenFirstFrontOptions } from "./simulator/fronts/token-first-front.js";
import { tokenFirstFront } from "./simulator/fronts/token-first-front.js";
import type { VendorFront } from "./simulator/vendor-front.js";

export type { ClientTarget };

/** One dialect as the conformance toolkit knows it. Adding a dialect is one entry here plus its front. */
export interface DialectEntry {
  readonly name: string;
  /** One line for `voxwire --help`. */
  readonly summary: string;
  /** The client dialect aimed at `target`. */
  client(target: ClientTarget): Dialect;
  /**
   * A fresh vendor front for a simulator of this dialect. `options` have been checked against
   * `frontOptions` (see `parseFrontOptions`), so an entry may pass them on as its front's type.
   */
  front(options?: FrontOptions): VendorFront;
  /** What the front accepts from `voxwire simulate --front-option name=value`. */
  readonly frontOptions?: Readonly<Record<string, FrontOptionSpec>>;
  /** How the vendor refuses a wrong key (the `bad-credential` scenario expects exactly this). */
  readonly authRefusal: AuthRefusal;
}

/** How long an issued token stays valid, for the fronts that issue tokens. */
const TOKEN_TTL_OPTION: FrontOptionSpec = { type: "number", summary: "how long an issued token stays valid, ms (default 60000)" };

/** The sample agent id the Omni guides use; the Omni simulator accepts any well-formed id. */
export const OMNI_SAMPLE_AGENT = "agent_123";

export const DIALECTS: Readonly<Record<string, DialectEntry>> = {
  omni: {
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
    front: (options) => omniaFront(options as OmniaFrontOptions),
    frontOptions: {
      createStatus: { type: "number", values: [200, 201], summary: "the status a created call is answered with (default 201)" },
      debug: { type: "boolean", summary: "narrate the call in debug messages" },
    },
    authRefusal: {
      kind: "bootstrap",
      statuses: [401, 403],
      source: "Omnia Voice guide (docs/sources.md): the create call is answered non-2xx and its body is the error",
    },
  },
  "token-first": {
    name: "token-first",
    summary: 'token-first-message (POST /api/v1/sdk/token with a Bearer key, {"token"} first, PCM16 16 kHz in 640-byte frames)',
    // The wire is 16 kHz and names no agent: `sampleRate` and `agentId` do not apply.
    client: ({ url, key }) => tokenFirst({ apiUrl: url, apiKey: key }),
    front: (options) => tokenFirstFront(options as TokenFirstFrontOptions),
    frontOptions: { tokenTtlMs: TOKEN_TTL_OPTION },
    authRefusal: {
      kind: "bootstrap",
      statuses: [401, 403],
      source: "token-first guide (docs/sources.md), step 1: the token call refused (the guide shows no failure; voxwire's simulator answers 401)",
    },
  },
  orbitali: {
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
  },
};

/** The registry entry for `name`, or a ConfigError listing the known ones. */
export function dialectEntry(name: string): DialectEntry {
  const entry = Object.hasOwn(DIALECTS, name) ? DIALECTS[name] : undefined;
  if (!entry) throw new ConfigError(`unknown dialect "${name}"; known: ${Object.keys(DIALECTS).join(", ")}`);
  return entry;
}

export function simulatorFront(name: string, options?: FrontOptions): VendorFront {
  return dialectEntry(name).front(options);
}

/** A dialect its carrier dials (role `server`), checked against that carrier's simulator. */
export interface PhoneLegEntry extends PhoneLegSubject {
  /** One line for `voxwire --help`. */
  readonly summary: string;
}

/** The phone legs: `voxwire check twilio` serves the stream and lets the Twilio simulator dial it. */
export const PHONE_LEGS: Readonly<Record<string, PhoneLegEntry>> = {
  twilio: {
    name: "twilio",
    summary: "Twilio Media Streams (Twilio dials the application: JSON text, 20 ms 8 kHz μ-law, marks, clear, DTMF)",
    dialect: () => twilio(),
    path: "/media",
  },
};
