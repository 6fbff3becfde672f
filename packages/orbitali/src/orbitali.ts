import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectEnv,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
  refuseSecretKeyInBrowser,
} from "@voxwire/core";
import {
  bootstrapRequest,
  type OrbitaliSession,
  planFromAnswer,
  type RealtimeSessionRequestOptions,
  readBootstrapAnswer,
  readOrbitaliSession,
  SERVER_SIDE_ADVICE,
} from "./bootstrap.js";
import { createOrbitaliCodec } from "./client-codec.js";
import { createOrbitaliPeerCodec } from "./peer-codec.js";
import { DIALECT_NAME, ORBITALI_LIVE_KEY_PREFIX } from "./wire.js";

export type OrbitaliOptions =
  /** A session minted on a server (`createOrbitaliSession`): what a browser uses. */
  | { session: OrbitaliSession }
  /** Mint the session first with the permanent key (server-side only; refused in a browser). */
  | RealtimeSessionRequestOptions;

export const ORBITALI_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
};

/**
 * The Orbitali (JSON-base64) dialect: dial the realtime session's `websocketUrl` before its
 * `expiresAt`, with the audio formats its `protocol` block declares (16 kHz in, 24 kHz out today),
 * every message JSON text and audio base64 PCM16. Options that can never work throw a
 * `ConfigError` here, before any I/O; no message holds a credential.
 */
export function orbitali(options: OrbitaliOptions): DialectV2 {
  if (options === null || typeof options !== "object")
    throw new ConfigError("orbitali() needs { session } or { apiKey, agentId }", { dialect: DIALECT_NAME });
  const base = { name: DIALECT_NAME, role: "client", createCodec: createOrbitaliCodec, createPeerCodec: createOrbitaliPeerCodec } as const;

  if ("session" in options && options.session !== undefined) {
    if ("apiKey" in options) throw new ConfigError("give either { session } or { apiKey, agentId }, not both", { dialect: DIALECT_NAME });
    const plan: ConnectPlan = planFromAnswer(readOrbitaliSession(options.session, "options"));
    // An expired plan is refused by the runtime (TokenExpiredError) before any socket opens.
    return defineDialect({ ...base, capabilities: ORBITALI_CAPABILITIES, prepare: (): Preparation => ({ kind: "plan", plan }) });
  }

  const request = bootstrapRequest(options as RealtimeSessionRequestOptions);
  const apiKey = (options as RealtimeSessionRequestOptions).apiKey;
  return defineDialect({
    ...base,
    capabilities: { ...ORBITALI_CAPABILITIES, bootstrap: true },
    prepare(env: DialectEnv): Preparation {
      refuseSecretKeyInBrowser(env, apiKey, { dialect: DIALECT_NAME, secretPrefixes: [ORBITALI_LIVE_KEY_PREFIX], advice: SERVER_SIDE_ADVICE });
      return { kind: "bootstrap", request, parse: (response) => planFromAnswer(readBootstrapAnswer(response), apiKey) };
    },
  });
}
