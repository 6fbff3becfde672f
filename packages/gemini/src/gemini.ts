import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectV2,
  defineDialect,
  NO_CAPABILITIES,
  type Preparation,
} from "@voxwire/core";
import { createGeminiCodec } from "./client-codec.js";
import { createGeminiPeerCodec } from "./peer-codec.js";
import { validateBaseUrl, validateCredential } from "./validate.js";
import { DIALECT_NAME, GEMINI_FRAME_MS, GEMINI_PATH, GEMINI_SAMPLE_RATE, GEMINI_SUBPROTOCOL_PREFIX } from "./wire.js";

export interface GeminiOptions {
  /** The vendor's API key. */
  apiKey: string;
  /** Another host for the same wire (a local simulator): `ws://127.0.0.1:PORT`; http(s) is mapped to ws(s). */
  baseUrl?: string;
}

/** What the wire can do; the conformance suite skips the scenarios of anything declared false. */
export const GEMINI_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES };

/**
 * The Gemini dialect: `wss://api.gemini.invalid/v1/gemini`, the key as the subprotocol
 * `gemini-key.<KEY>`, PCM16 both ways. Options that can never work throw a `ConfigError` here,
 * before any I/O; the message never holds the credential.
 */
export function gemini(options: GeminiOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("gemini() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options.apiKey);
  const base = validateBaseUrl(options.baseUrl);
  const subprotocol = `${GEMINI_SUBPROTOCOL_PREFIX}${credential}`;
  const format = { encoding: "pcm16", sampleRate: GEMINI_SAMPLE_RATE, frameMs: GEMINI_FRAME_MS } as const;
  const plan: ConnectPlan = {
    url: `${base}${GEMINI_PATH}`,
    protocols: [subprotocol],
    audio: { outbound: format, inbound: format },
    secrets: [credential, subprotocol],
  };
  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: GEMINI_CAPABILITIES,
    prepare(): Preparation {
      return { kind: "plan", plan };
    },
    createCodec: createGeminiCodec,
    createPeerCodec: createGeminiPeerCodec,
  });
}
