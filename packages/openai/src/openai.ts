import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectEnv,
  type DialectV2,
  defineDialect,
  isBrowserLike,
  NO_CAPABILITIES,
  type Preparation,
  refuseSecretKeyInBrowser,
} from "@voxwire/core";
import { createOpenaiCodec } from "./client-codec.js";
import { createOpenaiPeerCodec } from "./peer-codec.js";
import type { OpenaiCompat, OpenaiSessionFields, SessionSettings } from "./session-config.js";
import {
  isSubprotocolSafe,
  validateApiVersion,
  validateAudio,
  validateBaseUrl,
  validateCompat,
  validateCredential,
  validateModel,
  validateSessionFields,
  validateText,
} from "./validate.js";
import {
  AZURE_API_KEY_HEADER,
  AZURE_DEFAULT_API_VERSION,
  AZURE_PATH,
  DIALECT_NAME,
  OPENAI_AUDIO,
  OPENAI_KEY_SUBPROTOCOL_PREFIX,
  OPENAI_MAX_SESSION_MS,
  OPENAI_PATH,
  OPENAI_REALTIME_SUBPROTOCOL,
  OPENAI_SECRET_KEY_PREFIX,
  type OpenaiAudio,
} from "./wire.js";

/** Everything but the credential. */
export interface OpenaiSessionOptions {
  /** The Realtime model, e.g. `"gpt-realtime"` (the `?model=` of the socket URL). */
  model: string;
  /** Another origin for the same wire (a proxy, a local simulator); `/v1` at its end is accepted. Default `wss://api.openai.com`. */
  baseUrl?: string;
  /** The audio format both ways: `pcm16` (audio/pcm, 24 kHz, default), `pcmu` (G.711 μ-law, 8 kHz) or `pcma` (G.711 A-law, 8 kHz). */
  audio?: OpenaiAudio;
  /** The voice of the agent's audio (`session.audio.output.voice`), e.g. `"marin"`. */
  voice?: string;
  /** The session's instructions (system message). */
  instructions?: string;
  /**
   * Fields of the session object voxwire does not map (`output_modalities`, `tool_choice`,
   * `tracing`, `audio.input.noise_reduction`, `audio.input.transcription.model`, …), merged over
   * what the options and `connect()`'s `agent` give: objects key by key, anything else replaced,
   * `tools` appended. The audio formats are the `audio` option's and cannot be set here.
   */
  session?: OpenaiSessionFields;
  /**
   * An OpenAI-shaped vendor that still speaks the beta wire: `"azure"` for Azure Voice Live
   * (`{baseUrl}/voice-live/realtime?api-version=…&model=…`, the key in an `api-key` header, the
   * beta session fields and event names such as `response.audio.delta`). Default: OpenAI GA.
   */
  compat?: "azure";
  /** With `compat: "azure"`: the `api-version` query parameter (default `"2025-10-01"`). */
  apiVersion?: string;
}

export type OpenaiOptions = OpenaiSessionOptions &
  (
    | {
        /** A standard API key (`sk-…`): server runtimes only, sent as `Authorization: Bearer`. */
        apiKey: string;
        clientSecret?: undefined;
      }
    | {
        /** An ephemeral client secret (`ek_…`, from `POST /v1/realtime/client_secrets`): what a browser uses. */
        clientSecret: string;
        apiKey?: undefined;
      }
  );

/** What the wire can do; the conformance suite skips the scenarios of anything declared false. */
export const OPENAI_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
  transcriptDeltas: true,
  toolCalls: true,
  textInput: true,
  truncation: true,
  speechEvents: true,
  turnIds: true,
  sessionConfig: true,
  sessionUpdate: true,
};

const SERVER_SIDE_ADVICE = "Mint an ephemeral client secret on your server (POST /v1/realtime/client_secrets) and pass it as clientSecret.";
const AZURE_SERVER_SIDE_ADVICE = "Keep the Azure key on your server and relay the session from there.";

/**
 * The OpenAI Realtime GA WebSocket API: `{baseUrl}/v1/realtime?model=…`, one `session.update`
 * as soon as the socket opens (audio formats, turn detection, voice, instructions, tools: from
 * the options, `connect()`'s `agent` and the `session` escape hatch), base64 audio in JSON events
 * both ways. On a server the credential goes in `Authorization: Bearer`; in a browser or worker
 * only an ephemeral client secret, in the `openai-insecure-api-key.` subprotocol. `compat: "azure"`
 * speaks the same protocol under Azure Voice Live's beta names.
 * Options that can never work throw a `ConfigError` here, before any I/O; no message holds a credential.
 */
export function openai(options: OpenaiOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("openai() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options);
  const model = validateModel(options.model);
  const base = validateBaseUrl(options.baseUrl);
  const audio = validateAudio(options.audio);
  const compat: OpenaiCompat = validateCompat(options.compat);
  const settings: SessionSettings = {
    audio,
    compat,
    voice: validateText(options.voice, "voice"),
    instructions: validateText(options.instructions, "instructions"),
    extra: validateSessionFields(options.session),
  };
  if (compat === "azure" && credential.kind !== "apiKey") {
    throw new ConfigError('compat "azure" takes the resource\'s apiKey (Azure Voice Live has no ek_ client secrets)', { dialect: DIALECT_NAME });
  }
  const format = OPENAI_AUDIO[audio].format;
  const query =
    compat === "azure"
      ? `?api-version=${encodeURIComponent(validateApiVersion(options.apiVersion) ?? AZURE_DEFAULT_API_VERSION)}&model=${encodeURIComponent(model)}`
      : `?model=${encodeURIComponent(model)}`;
  const common = {
    url: `${base}${compat === "azure" ? AZURE_PATH : OPENAI_PATH}${query}`,
    audio: { outbound: format, inbound: format },
    maxSessionMs: OPENAI_MAX_SESSION_MS,
    // The server sends nothing while the user is silent: silence is no sign of a dead peer.
    inactivityMs: 0,
  } as const;

  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: OPENAI_CAPABILITIES,
    prepare(env: DialectEnv): Preparation {
      if (!isBrowserLike(env.runtime)) {
        const [name, value] = compat === "azure" ? [AZURE_API_KEY_HEADER, credential.value] : ["Authorization", `Bearer ${credential.value}`];
        const plan: ConnectPlan = { ...common, headers: { [name]: value }, secrets: [credential.value, value] };
        return { kind: "plan", plan };
      }
      refuseSecretKeyInBrowser(env, credential.value, {
        dialect: DIALECT_NAME,
        secretPrefixes: [OPENAI_SECRET_KEY_PREFIX],
        // Every Azure key is a resource secret: none may reach a page.
        allKeysSecret: compat === "azure",
        advice: compat === "azure" ? AZURE_SERVER_SIDE_ADVICE : SERVER_SIDE_ADVICE,
      });
      if (!isSubprotocolSafe(credential.value)) {
        throw new ConfigError(`the ${credential.kind} cannot be sent as a subprotocol: it has characters outside RFC 7230 token characters`, {
          dialect: DIALECT_NAME,
        });
      }
      const subprotocol = `${OPENAI_KEY_SUBPROTOCOL_PREFIX}${credential.value}`;
      const plan: ConnectPlan = { ...common, protocols: [OPENAI_REALTIME_SUBPROTOCOL, subprotocol], secrets: [credential.value, subprotocol] };
      return { kind: "plan", plan };
    },
    createCodec: (plan, env) => createOpenaiCodec(plan, env, settings),
    createPeerCodec: (plan) => createOpenaiPeerCodec(plan, compat),
  });
}
