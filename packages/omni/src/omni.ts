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
  type SecretKeyRule,
} from "@voxwire/core";
import { createOmniCodec } from "./client-codec.js";
import { createOmniPeerCodec } from "./peer-codec.js";
import { validateAgentId, validateBaseUrl, validateCredential, validateRate } from "./validate.js";
import { DIALECT_NAME, OMNI_FORMAT, OMNI_FRAME_MS, OMNI_LIVE_KEY_PREFIX, OMNI_PATH, OMNI_SUBPROTOCOL_PREFIX, type OmniRate } from "./wire.js";

export interface OmniOptions {
  /** The agent's id from the Omni console (`agent_123`). */
  agentId: string;
  /** A `pyai_test_…` sandbox key or a `pyai_live_…` secret key (never in a browser). Give this or `token`. */
  apiKey?: string;
  /** A short-lived publishable token whose origin is allow-listed: what a browser uses in production. */
  token?: string;
  /** The rate of both directions, declared on the URL: 24000 for browsers, 8000 for a phone leg. */
  rate: OmniRate;
  /** Another host for the same wire (a local simulator): `ws://127.0.0.1:PORT`; http(s) is mapped to ws(s). */
  baseUrl?: string;
}

export const OMNI_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
  transcriptDeltas: true,
  dtmfIn: true,
  dtmfOut: true,
  transfer: true,
};

/** `pyai_live_` keys never reach a page or worker (checked in `prepare`, where the runtime is known). */
const BROWSER_SECRET_RULE: SecretKeyRule = {
  dialect: DIALECT_NAME,
  secretPrefixes: [OMNI_LIVE_KEY_PREFIX],
  advice:
    "Mint a short-lived publishable token on your server (with the page's origin allow-listed in the Omni console) " +
    "and pass it as { token }; a pyai_test_ sandbox key is fine while developing locally.",
};

/**
 * The Omni (binary-PCM) dialect: `wss://api.pyai.com/v1/omni?agent_id=…&format=pcm16&rate=…`,
 * the credential as the subprotocol `pyai-key.<KEY>` in every runtime, PCM16 both ways at the
 * declared rate in 20 ms frames, JSON events as text. Options that can never work throw a
 * `ConfigError` here, before any I/O; the message never holds the credential.
 */
export function omni(options: OmniOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("omni() needs an options object", { dialect: DIALECT_NAME });
  const agentId = validateAgentId(options.agentId);
  const credential = validateCredential(options.apiKey, options.token);
  const rate = validateRate(options.rate);
  const base = validateBaseUrl(options.baseUrl);

  const subprotocol = `${OMNI_SUBPROTOCOL_PREFIX}${credential}`;
  const format = { encoding: "pcm16", sampleRate: rate, frameMs: OMNI_FRAME_MS } as const;
  const plan: ConnectPlan = {
    url: `${base}${OMNI_PATH}?agent_id=${encodeURIComponent(agentId)}&format=${OMNI_FORMAT}&rate=${rate}`,
    protocols: [subprotocol],
    audio: { outbound: format, inbound: format },
    secrets: [credential, subprotocol],
  };

  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: OMNI_CAPABILITIES,
    prepare(env: DialectEnv): Preparation {
      refuseSecretKeyInBrowser(env, credential, BROWSER_SECRET_RULE);
      return { kind: "plan", plan };
    },
    createCodec: createOmniCodec,
    createPeerCodec: createOmniPeerCodec,
  });
}
