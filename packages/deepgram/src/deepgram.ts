import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createDeepgramCodec } from "./client-codec.js";
import { createDeepgramPeerCodec } from "./peer-codec.js";
import { validateBaseUrl, validateCredential } from "./validate.js";
import { DEEPGRAM_FRAME_MS, DEEPGRAM_PATH, DEEPGRAM_SAMPLE_RATE, DEEPGRAM_SUBPROTOCOL_PREFIX, DIALECT_NAME } from "./wire.js";

export interface DeepgramOptions {
  /** The vendor's API key. */
  apiKey: string;
  /** Another host for the same wire (a local simulator): `ws://127.0.0.1:PORT`; http(s) is mapped to ws(s). */
  baseUrl?: string;
}

/** What the wire can do; the conformance suite skips the scenarios of anything declared false. */
export const DEEPGRAM_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES };

/**
 * The Deepgram dialect: `wss://api.deepgram.invalid/v1/deepgram`, the key as the subprotocol
 * `deepgram-key.<KEY>`, PCM16 both ways. Options that can never work throw a `ConfigError` here,
 * before any I/O; the message never holds the credential.
 */
export function deepgram(options: DeepgramOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("deepgram() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options.apiKey);
  const base = validateBaseUrl(options.baseUrl);
  const subprotocol = `${DEEPGRAM_SUBPROTOCOL_PREFIX}${credential}`;
  const format = { encoding: "pcm16", sampleRate: DEEPGRAM_SAMPLE_RATE, frameMs: DEEPGRAM_FRAME_MS } as const;
  const plan: ConnectPlan = {
    url: `${base}${DEEPGRAM_PATH}`,
    protocols: [subprotocol],
    audio: { outbound: format, inbound: format },
    secrets: [credential, subprotocol],
  };
  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: DEEPGRAM_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createDeepgramCodec,
    createPeerCodec: createDeepgramPeerCodec,
  });
}
