import {
  ConfigError,
  type DialectCapabilities,
  type DialectEnv,
  type DialectV2,
  defineDialect,
  isBrowserLike,
  NO_CAPABILITIES,
  type Preparation,
  refuseSecretKeyInBrowser,
} from "@voxwire/core";
import { planFor, publicAgentUrl, readSignedUrl, routeRequest, signedUrlRequest, signedUrlSecrets } from "./bootstrap.js";
import { createElevenlabsCodec } from "./client-codec.js";
import { checkAgent, initiationFor } from "./initiation.js";
import { createElevenlabsPeerCodec } from "./peer-codec.js";
import {
  validateAgentId,
  validateApiKey,
  validateAudio,
  validateBaseUrl,
  validateHeaders,
  validateSignedUrl,
  validateSignedUrlEndpoint,
  validateTextAs,
} from "./validate.js";
import { DIALECT_NAME, type ElevenlabsAudioFormat, type ElevenlabsInitiation } from "./wire.js";

/** Everything but how the conversation is authorized. */
export interface ElevenlabsSessionOptions {
  /** Another origin for the same wire (a proxy, a local simulator, `wss://api.eu.residency.elevenlabs.io`); http(s) is mapped to ws(s). */
  baseUrl?: string;
  /**
   * The audio formats the agent is configured with (its dashboard's "user input" and "agent output"
   * formats): one name for both ways, or `{ input, output }`. Default `pcm_16000`. If the agent
   * states others when the conversation starts, the codec converts (and says so in a `debug` event).
   */
  audio?: ElevenlabsAudioFormat | { input?: ElevenlabsAudioFormat; output?: ElevenlabsAudioFormat };
  /**
   * Fields of `conversation_initiation_client_data`, merged over what the `agent` option maps to:
   * `first_message`, `tts.stability`, `dynamic_variables`, `user_id`, `custom_llm_extra_body`, …
   */
  initiation?: ElevenlabsInitiation;
  /**
   * What `session.sendText()` sends: `user_message` (default; the agent answers it) or
   * `contextual_update` (background context the agent takes in without answering or being interrupted).
   */
  sendTextAs?: "user_message" | "contextual_update";
}

export type ElevenlabsOptions = ElevenlabsSessionOptions &
  (
    | {
        /** A public agent's id: anyone may talk to it, nothing secret is sent. With `apiKey`, a private agent's. */
        agentId: string;
        /**
         * For a private agent, on a server only: the `xi-api-key` that fetches a signed URL
         * (`GET /v1/convai/conversation/get-signed-url`) before each connection. Refused in a browser.
         */
        apiKey?: string;
        signedUrl?: undefined;
        signedUrlEndpoint?: undefined;
      }
    | {
        /** A signed URL fetched already (by your server, `getSignedUrl`-style): dialed as is. Valid for a short while. */
        signedUrl: string;
        agentId?: undefined;
        apiKey?: undefined;
        signedUrlEndpoint?: undefined;
      }
    | {
        /**
         * For a private agent in a browser: your backend route (`createSignedUrlRoute`) that answers
         * `{ signed_url }`; POSTed before each connection. An absolute http(s) URL, or a path a page resolves.
         */
        signedUrlEndpoint: string;
        /** Extra headers for that request (a CSRF header, the application's own session token). */
        signedUrlHeaders?: Record<string, string>;
        agentId?: undefined;
        apiKey?: undefined;
        signedUrl?: undefined;
      }
  );

/** What the wire can carry; the conformance suite skips the scenarios of anything declared false. */
export const ELEVENLABS_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
  toolCalls: true,
  textInput: true,
  turnIds: true,
  sessionConfig: true,
};

const BROWSER_ADVICE =
  "Keep the key on your server: serve createSignedUrlRoute({ agentId, apiKey }) from @voxwire/elevenlabs as a backend route " +
  "and give the page elevenlabs({ signedUrlEndpoint: '/your/route' }); it gets a short-lived signed URL and never sees the key.";

/**
 * ElevenLabs Agents over WebSocket (`wss://api.elevenlabs.io/v1/convai/conversation`, subprotocol
 * `convai`): a public agent by `agentId`; a private one by a signed URL, fetched with the API key on
 * a server or through your backend route in a browser. The socket opens with
 * `conversation_initiation_client_data` (the `agent` option as overrides, `initiation` over it),
 * and the session is ready once `conversation_initiation_metadata` names the audio formats. Base64
 * audio in JSON both ways; pings are answered with pongs, out of the application's sight. Options
 * that can never work throw a `ConfigError` here, before any I/O; no message holds a credential.
 * The WebRTC transport (conversation tokens) is not this dialect.
 */
export function elevenlabs(options: ElevenlabsOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("elevenlabs() needs an options object", { dialect: DIALECT_NAME });
  const given = ["apiKey", "signedUrl", "signedUrlEndpoint"].filter((k) => (options as unknown as Record<string, unknown>)[k] !== undefined);
  if (given.length > 1)
    throw new ConfigError(`give one of apiKey, signedUrl and signedUrlEndpoint, not ${given.join(" and ")}`, { dialect: DIALECT_NAME });
  const base = validateBaseUrl(options.baseUrl);
  const audio = validateAudio(options.audio);
  const textAs = validateTextAs(options.sendTextAs);
  const extra = options.initiation;
  if (extra !== undefined && (extra === null || typeof extra !== "object"))
    throw new ConfigError("initiation must be an object", { dialect: DIALECT_NAME });
  const prepare = preparer(options, base, audio);

  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: { ...ELEVENLABS_CAPABILITIES, bootstrap: options.apiKey !== undefined || options.signedUrlEndpoint !== undefined },
    prepare(env: DialectEnv): Preparation {
      checkAgent(env.agent);
      return prepare(env);
    },
    createCodec: (plan, env) => createElevenlabsCodec(plan, { initiation: initiationFor(env.agent, extra), textAs }),
    createPeerCodec: createElevenlabsPeerCodec,
  });
}

type Audio = ReturnType<typeof validateAudio>;

/** How each way of authorizing gets its plan. */
function preparer(options: ElevenlabsOptions, base: string, audio: Audio): (env: DialectEnv) => Preparation {
  if (options.signedUrl !== undefined) {
    const url = validateSignedUrl(options.signedUrl);
    const plan = planFor(url, audio, signedUrlSecrets(url));
    return () => ({ kind: "plan", plan });
  }
  if (options.signedUrlEndpoint !== undefined) {
    const { url, relative } = validateSignedUrlEndpoint(options.signedUrlEndpoint);
    const request = routeRequest(url, validateHeaders(options.signedUrlHeaders));
    return (env) => {
      if (relative && !isBrowserLike(env.runtime)) {
        throw new ConfigError(
          "a signedUrlEndpoint that is a path (/…) only works in a page, which resolves it against its origin: give an absolute URL",
          {
            dialect: DIALECT_NAME,
          },
        );
      }
      // The route is the application's; the signed URL it hands over is on ElevenLabs' host.
      return {
        kind: "bootstrap",
        request,
        parse: (response) => fromAnswer(response.body, audio, request.secrets),
        socketHosts: [new URL(base).hostname],
      };
    };
  }
  const agentId = validateAgentId(options.agentId);
  if (options.apiKey === undefined) {
    const plan = planFor(publicAgentUrl(base, agentId), audio, []);
    return () => ({ kind: "plan", plan });
  }
  const key = validateApiKey(options.apiKey);
  const request = signedUrlRequest(base, agentId, key);
  return (env) => {
    // Every ElevenLabs API key is a permanent secret: none may reach a page.
    refuseSecretKeyInBrowser(env, key, { dialect: DIALECT_NAME, secretPrefixes: [], allKeysSecret: true, advice: BROWSER_ADVICE });
    return { kind: "bootstrap", request, parse: (response) => fromAnswer(response.body, audio, [key]) };
  };
}

function fromAnswer(body: string, audio: Audio, secrets: readonly string[]) {
  const url = readSignedUrl(body);
  return planFor(url, audio, [...secrets, ...signedUrlSecrets(url)]);
}
