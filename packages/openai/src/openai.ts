import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV1,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createOpenaiCodec } from "./client-codec.js";
import { createOpenaiPeerCodec } from "./peer-codec.js";
import { validateBaseUrl, validateCredential } from "./validate.js";
import { DIALECT_NAME, OPENAI_FRAME_MS, OPENAI_PATH, OPENAI_SAMPLE_RATE, OPENAI_SUBPROTOCOL_PREFIX } from "./wire.js";

export interface OpenaiOptions {
  /** The vendor's API key. */
  apiKey: string;
  /** Another host for the same wire (a local simulator): `ws://127.0.0.1:PORT`; http(s) is mapped to ws(s). */
  baseUrl?: string;
}

/** What the wire can do; the conformance suite skips the scenarios of anything declared false. */
export const OPENAI_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES };

/**
 * The Openai dialect: `wss://api.openai.invalid/v1/openai`, the key as the subprotocol
 * `openai-key.<KEY>`, PCM16 both ways. Options that can never work throw a `ConfigError` here,
 * before any I/O; the message never holds the credential.
 */
export function openai(options: OpenaiOptions): DialectV1 {
  if (options === null || typeof options !== "object") throw new ConfigError("openai() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options.apiKey);
  const base = validateBaseUrl(options.baseUrl);
  const subprotocol = `${OPENAI_SUBPROTOCOL_PREFIX}${credential}`;
  const format = { encoding: "pcm16", sampleRate: OPENAI_SAMPLE_RATE, frameMs: OPENAI_FRAME_MS } as const;
  const plan: ConnectPlan = {
    url: `${base}${OPENAI_PATH}`,
    protocols: [subprotocol],
    audio: { outbound: format, inbound: format },
    secrets: [credential, subprotocol],
  };
  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: OPENAI_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createOpenaiCodec,
    createPeerCodec: createOpenaiPeerCodec,
  });
}
