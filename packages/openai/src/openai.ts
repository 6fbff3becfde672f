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
import { isSubprotocolSafe, validateAudio, validateBaseUrl, validateCredential, validateModel, validateText } from "./validate.js";
import {
  DIALECT_NAME,
  OPENAI_AUDIO,
  OPENAI_KEY_SUBPROTOCOL_PREFIX,
  OPENAI_PATH,
  OPENAI_REALTIME_SUBPROTOCOL,
  OPENAI_SECRET_KEY_PREFIX,
  type OpenaiAudio,
  sessionUpdateFrame,
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

/** What the wire can do on spec v1; the conformance suite skips the scenarios of anything declared false. */
export const OPENAI_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES, bargeIn: true, transcripts: true };

const SERVER_SIDE_ADVICE = "Mint an ephemeral client secret on your server (POST /v1/realtime/client_secrets) and pass it as clientSecret.";

/**
 * The OpenAI Realtime GA WebSocket API: `{baseUrl}/v1/realtime?model=…`, one `session.update`
 * as soon as the socket opens (audio formats, server VAD, voice, instructions), base64 audio in
 * JSON events both ways. On a server the credential goes in `Authorization: Bearer`; in a
 * browser or worker only an ephemeral client secret, in the `openai-insecure-api-key.` subprotocol.
 * Options that can never work throw a `ConfigError` here, before any I/O; no message holds a credential.
 */
export function openai(options: OpenaiOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("openai() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options);
  const model = validateModel(options.model);
  const base = validateBaseUrl(options.baseUrl);
  const audio = validateAudio(options.audio);
  const voice = validateText(options.voice, "voice");
  const instructions = validateText(options.instructions, "instructions");
  const format = OPENAI_AUDIO[audio].format;
  const common = {
    url: `${base}${OPENAI_PATH}?model=${encodeURIComponent(model)}`,
    firstFrames: [sessionUpdateFrame({ audio, voice, instructions })],
    audio: { outbound: format, inbound: format },
  } as const;

  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: OPENAI_CAPABILITIES,
    prepare(env: DialectEnv): Preparation {
      if (!isBrowserLike(env.runtime)) {
        const header = `Bearer ${credential.value}`;
        const plan: ConnectPlan = { ...common, headers: { Authorization: header }, secrets: [credential.value, header] };
        return { kind: "plan", plan };
      }
      refuseSecretKeyInBrowser(env, credential.value, {
        dialect: DIALECT_NAME,
        secretPrefixes: [OPENAI_SECRET_KEY_PREFIX],
        advice: SERVER_SIDE_ADVICE,
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
    createCodec: createOpenaiCodec,
    createPeerCodec: createOpenaiPeerCodec,
  });
}
