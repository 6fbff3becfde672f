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
import { createGeminiCodec } from "./client-codec.js";
import { createGeminiPeerCodec } from "./peer-codec.js";
import type { GeminiSetup } from "./setup.js";
import { validateApiVersion, validateBaseUrl, validateCredential, validateModel, validateSetup } from "./validate.js";
import { DIALECT_NAME, GEMINI_FRAME_MS, GEMINI_INPUT_RATE, GEMINI_OUTPUT_RATE, type GeminiApiVersion, geminiPath } from "./wire.js";

/** Everything but the credential. */
export interface GeminiSessionOptions {
  /** The Live model, e.g. `"gemini-live-2.5-flash-preview"` (`models/` is added when missing). */
  model: string;
  /** Another origin for the same wire (a proxy, a local simulator); `http(s):` is mapped to `ws(s):`. Default `wss://generativelanguage.googleapis.com`. */
  baseUrl?: string;
  /** `v1beta` (default for an API key, as the reference's endpoint), `v1` (what `@google/genai` 3.x dials), or `v1alpha` (default, and the only one, for ephemeral tokens). */
  apiVersion?: GeminiApiVersion;
  /**
   * Ask for session resumption handles (default true): the codec keeps the latest resumable one,
   * and a reconnect resumes the conversation with it instead of starting over.
   */
  resumption?: boolean;
  /** `setup` fields beyond what `connect(…, { agent })` maps, merged over the mapping (see `GeminiSetup`). */
  setup?: GeminiSetup;
}

export type GeminiOptions = GeminiSessionOptions &
  (
    | {
        /** A Gemini API key: server runtimes only, sent as the `key` query parameter. */
        apiKey: string;
        token?: undefined;
      }
    | {
        /** An ephemeral token (`auth_tokens/…`, minted by `createGeminiTokenRoute`): what a browser uses. */
        token: string;
        apiKey?: undefined;
      }
  );

/** What the wire carries; the conformance suite skips the scenarios of anything declared false. */
export const GEMINI_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
  transcriptDeltas: true,
  agentState: true,
  toolCalls: true,
  textInput: true,
  speechEvents: true,
  sessionConfig: true,
  resumption: true,
};

const SERVER_SIDE_ADVICE = "Mint an ephemeral token on your server (createGeminiTokenRoute from @voxwire/gemini) and pass it as token.";

/**
 * The Gemini Live API over WebSocket (BidiGenerateContent): the key (or an ephemeral token) in
 * the query, `setup` built from the `agent` option as the first message, audio as base64 PCM16
 * in JSON both ways (16 kHz up, 24 kHz down). Ready once the service answers `setupComplete`.
 * Options that can never work throw a `ConfigError` here, before any I/O; no message holds a credential.
 */
export function gemini(options: GeminiOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("gemini() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options);
  const model = validateModel(options.model);
  const base = validateBaseUrl(options.baseUrl);
  const version = validateApiVersion(options.apiVersion, credential);
  const setup = validateSetup(options.setup);
  if (options.resumption !== undefined && typeof options.resumption !== "boolean") {
    throw new ConfigError("resumption must be true or false", { dialect: DIALECT_NAME });
  }
  const config = { model, resumption: options.resumption ?? true, setup };
  const constrained = credential.kind === "token";
  const plan: ConnectPlan = {
    url: `${base}${geminiPath(version, constrained)}?${constrained ? "access_token" : "key"}=${credential.value}`,
    audio: {
      outbound: { encoding: "pcm16", sampleRate: GEMINI_INPUT_RATE, frameMs: GEMINI_FRAME_MS },
      inbound: { encoding: "pcm16", sampleRate: GEMINI_OUTPUT_RATE },
    },
    secrets: [credential.value],
    // The server sends nothing while the user is silent: silence is no sign of a dead peer.
    inactivityMs: 0,
  };

  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: GEMINI_CAPABILITIES,
    prepare(env: DialectEnv): Preparation {
      if (credential.kind === "apiKey") {
        refuseSecretKeyInBrowser(env, credential.value, {
          dialect: DIALECT_NAME,
          secretPrefixes: [],
          allKeysSecret: true,
          advice: SERVER_SIDE_ADVICE,
        });
      }
      return { kind: "plan", plan };
    },
    createCodec: (connectPlan, env) => createGeminiCodec(connectPlan, env, config),
    createPeerCodec: createGeminiPeerCodec,
  });
}
