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
import { readGrant, routeRequest } from "./bootstrap.js";
import { createDeepgramCodec } from "./client-codec.js";
import { createDeepgramPeerCodec } from "./peer-codec.js";
import type { DeepgramSettingsOverrides } from "./settings.js";
import { isSubprotocolSafe, validateBaseUrl, validateCredential, validateRate, validateSettings } from "./validate.js";
import {
  DEEPGRAM_BEARER_SCHEME,
  DEEPGRAM_BEARER_SUBPROTOCOL,
  DEEPGRAM_FRAME_MS,
  DEEPGRAM_MAX_SESSION_MS,
  DEEPGRAM_PATH,
  DEEPGRAM_TOKEN_SCHEME,
  DIALECT_NAME,
} from "./wire.js";

/** Everything but the credential. */
export interface DeepgramSessionOptions {
  /** Another origin for the same wire (a proxy, a local simulator); http(s) is mapped to ws(s). Default `wss://agent.deepgram.com`. */
  baseUrl?: string;
  /** The rate of the linear16 audio we send (`audio.input.sample_rate`): 8000, 16000, 24000 (default), 32000, 44100 or 48000. */
  inputSampleRate?: number;
  /** The rate of the linear16 audio the agent sends (`audio.output.sample_rate`): 8000, 16000, 24000 (default), 32000 or 48000. */
  outputSampleRate?: number;
  /**
   * Deepgram's own `Settings` fields, merged over what `connect(…, { agent })` maps to: the think,
   * speak and listen providers, a greeting, context, tags. A `provider` object replaces the
   * mapped one whole. Audio is the two rates above.
   */
  settings?: DeepgramSettingsOverrides;
}

export type DeepgramOptions = DeepgramSessionOptions &
  (
    | {
        /** A Deepgram API key: server runtimes only, sent as `Authorization: Token <key>`. */
        apiKey: string;
        accessToken?: undefined;
        tokenUrl?: undefined;
        tokenHeaders?: undefined;
      }
    | {
        /** A short-lived JWT from `POST /v1/auth/grant` (`grantDeepgramToken`): `Bearer`, or in a browser the subprotocols `bearer`, `<jwt>`. */
        accessToken: string;
        apiKey?: undefined;
        tokenUrl?: undefined;
        tokenHeaders?: undefined;
      }
    | {
        /**
         * For browsers: the application's route that mints a token and answers
         * `{ access_token, expires_in }` (`createDeepgramTokenRoute`); a fresh one per connection.
         * An absolute http(s) URL, or a path starting with `/` resolved by the page.
         */
        tokenUrl: string;
        /** Extra headers for the `tokenUrl` request (a CSRF header, the application's own session token). */
        tokenHeaders?: Record<string, string>;
        apiKey?: undefined;
        accessToken?: undefined;
      }
  );

/** What the wire carries; the conformance suite skips the scenarios of anything declared false. */
export const DEEPGRAM_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
  agentState: true,
  toolCalls: true,
  textInput: true,
  speechEvents: true,
  sessionConfig: true,
  sessionUpdate: true,
};

const BROWSER_ADVICE =
  "Mint a short-lived token on your server (createDeepgramTokenRoute from @voxwire/deepgram, which calls POST /v1/auth/grant) " +
  "and give the page deepgram({ tokenUrl: '/your/route' }) or deepgram({ accessToken }).";

/**
 * Deepgram's Voice Agent API: `{baseUrl}/v1/agent/converse`, a `Settings` message first (linear16
 * both ways at the chosen rates, the `agent` option mapped onto think, speak and listen), binary
 * audio both ways once `SettingsApplied` came, a `KeepAlive` every 8 s while no audio goes out.
 * On a server an API key goes in `Authorization: Token`; in a browser or worker only a short-lived
 * token, in the `bearer` subprotocol. Options that can never work throw a `ConfigError` here,
 * before any I/O; no message holds a credential.
 */
export function deepgram(options: DeepgramOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("deepgram() needs an options object", { dialect: DIALECT_NAME });
  const credential = validateCredential(options);
  const base = validateBaseUrl(options.baseUrl);
  const inputSampleRate = validateRate(options.inputSampleRate, "inputSampleRate");
  const outputSampleRate = validateRate(options.outputSampleRate, "outputSampleRate");
  const settings = validateSettings(options.settings);
  const common = {
    url: `${base}${DEEPGRAM_PATH}`,
    audio: {
      outbound: { encoding: "pcm16", sampleRate: inputSampleRate, frameMs: DEEPGRAM_FRAME_MS },
      inbound: { encoding: "pcm16", sampleRate: outputSampleRate },
    },
    maxSessionMs: DEEPGRAM_MAX_SESSION_MS,
    // The agent sends nothing while the user is silent (the keepalive goes the other way).
    inactivityMs: 0,
  } as const;

  /** The plan for a credential: a header on a server, the two subprotocols in a browser. */
  const planFor = (env: DialectEnv, scheme: string, value: string, expiresAt?: number): ConnectPlan => {
    const expiry = expiresAt === undefined ? {} : { expiresAt };
    if (!isBrowserLike(env.runtime)) {
      const header = `${scheme} ${value}`;
      return { ...common, headers: { Authorization: header }, secrets: [value, header], ...expiry };
    }
    if (!isSubprotocolSafe(value)) {
      throw new ConfigError("the token cannot be sent as a subprotocol: it has characters outside RFC 7230 token characters", {
        dialect: DIALECT_NAME,
      });
    }
    return { ...common, protocols: [DEEPGRAM_BEARER_SUBPROTOCOL, value], secrets: [value], ...expiry };
  };

  return defineDialect({
    name: DIALECT_NAME,
    role: "client",
    capabilities: DEEPGRAM_CAPABILITIES,
    prepare(env: DialectEnv): Preparation {
      if (env.agent?.turnDetection === "none") {
        throw new ConfigError('turnDetection "none" cannot be honoured: Deepgram\'s Voice Agent always detects the end of a turn itself', {
          dialect: DIALECT_NAME,
        });
      }
      if (credential.kind === "apiKey") {
        // Deepgram keys have no public form: every key is a secret.
        refuseSecretKeyInBrowser(env, credential.value, { dialect: DIALECT_NAME, secretPrefixes: [], allKeysSecret: true, advice: BROWSER_ADVICE });
        return { kind: "plan", plan: planFor(env, DEEPGRAM_TOKEN_SCHEME, credential.value) };
      }
      if (credential.kind === "accessToken") return { kind: "plan", plan: planFor(env, DEEPGRAM_BEARER_SCHEME, credential.value) };
      if (credential.relative && !isBrowserLike(env.runtime)) {
        throw new ConfigError("a tokenUrl that is a path (/…) only works in a page, which resolves it against its origin: give an absolute URL", {
          dialect: DIALECT_NAME,
        });
      }
      return {
        kind: "bootstrap",
        request: routeRequest(credential.url, credential.headers),
        parse(response, parseEnv) {
          const grant = readGrant(response.body);
          const expiresAt = grant.expires_in === undefined ? undefined : parseEnv.now + grant.expires_in * 1000;
          return planFor(parseEnv, DEEPGRAM_BEARER_SCHEME, grant.access_token, expiresAt);
        },
      };
    },
    createCodec: (plan, env) => createDeepgramCodec(plan, { agent: env.agent, settings }),
    createPeerCodec: createDeepgramPeerCodec,
  });
}
