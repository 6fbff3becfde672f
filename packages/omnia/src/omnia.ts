import {
  ConfigError,
  type ConnectPlan,
  type DialectCapabilities,
  type DialectEnv,
  type DialectV2,
  defineDialect,
  isSocketUrl,
  NO_CAPABILITIES,
  type Preparation,
  refuseSecretKeyInBrowser,
} from "@voxwire/core";
import { bootstrapRequest, type CallCreateConfig, planFromAnswer, readBootstrapAnswer, socketPlan } from "./bootstrap.js";
import { createOmniaCodec } from "./client-codec.js";
import { createOmniaPeerCodec } from "./peer-codec.js";
import {
  validateAgentId,
  validateApiKey,
  validateBaseUrl,
  validateBufferMs,
  validateCreatePath,
  validateExtraBody,
  validatePreset,
  validateRate,
  validateUrlField,
} from "./validate.js";
import { type CallCreatePreset, createCallBody, createCallPath, DIALECT_NAME } from "./wire.js";

/** Rates shared by both ways of starting a session. */
interface RateOptions {
  /** Rate of the audio we send (the user's), 8000 … 48000 Hz. */
  inputSampleRate: number;
  /** Rate of the audio the agent sends, 8000 … 48000 Hz; may differ from input. Default: `inputSampleRate`. */
  outputSampleRate?: number;
  /** The vendor this wire talks to. Default `OMNIA_PRESET`; `ULTRAVOX_PRESET` for Ultravox (or use `ultravox()`). */
  preset?: CallCreatePreset;
}

/** Create a call with the secret key, then dial it (servers only). */
export interface OmniaCreateOptions extends RateOptions {
  /** The account's API key, sent as `X-API-Key`. A secret: refused in browsers. */
  apiKey: string;
  /** The agent to call. */
  agentId: string;
  /** Another REST origin for the same wire (a simulator: `http://127.0.0.1:PORT`). Default: the preset's. */
  baseUrl?: string;
  /** The create-call path; `{agentId}` is filled in. Default: the preset's (`/api/v1/calls/create`). */
  createPath?: string;
  /** The answer's field holding the socket URL. Default: the preset's (`websocketUrl`). */
  urlField?: string;
  /** Ultravox only: `clientBufferSizeMs` of the `serverWebSocket` medium. */
  clientBufferSizeMs?: number;
  /** More create-call fields (Ultravox: `templateContext`, `metadata`, …); the documented ones win. */
  extraBody?: Record<string, unknown>;
}

/** Dial a call a server already created, by its socket URL (what a browser does). */
export interface OmniaJoinOptions extends RateOptions {
  /** The call's socket URL (`websocketUrl`, Ultravox `joinUrl`): a bearer capability, never logged. */
  websocketUrl: string;
}

export type OmniaOptions = OmniaCreateOptions | OmniaJoinOptions;

/** Omnia Voice's capabilities; a preset may add `toolCalls` and `textInput` (Ultravox does). */
export const OMNIA_CAPABILITIES: DialectCapabilities = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
  transcriptDeltas: true,
  agentState: true,
  bootstrap: true,
};

/**
 * The call-create dialect (the Omnia Voice guide, docs/sources.md): `POST {baseUrl}/api/v1/calls/create` with
 * `X-API-Key` creates a call at the chosen rates and answers `{ websocketUrl }` (200 or 201);
 * the socket then carries PCM16 both ways at those rates and JSON messages as text. With
 * `preset: ULTRAVOX_PRESET` (or `ultravox()`) the same adapter serves Ultravox `serverWebSocket`.
 * Options that can never work throw a `ConfigError` here, before any I/O, never quoting the key.
 */
export function omnia(options: OmniaOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("omnia() needs an options object", { dialect: DIALECT_NAME });
  const preset = validatePreset(options.preset);
  const dialect = preset.name;
  const inputSampleRate = validateRate("inputSampleRate", options.inputSampleRate, dialect);
  const outputSampleRate =
    options.outputSampleRate === undefined ? inputSampleRate : validateRate("outputSampleRate", options.outputSampleRate, dialect);
  const rates = { inputSampleRate, outputSampleRate, outboundFrameMs: preset.outboundFrameMs };
  const extras = { ...optionalField("capabilities", preset.capabilities), ...optionalField("hangUp", preset.hangUp) };
  const capabilities: DialectCapabilities = {
    ...OMNIA_CAPABILITIES,
    toolCalls: preset.capabilities?.toolCalls === true,
    textInput: preset.capabilities?.textInput === true,
  };
  const codecs = {
    createCodec: (plan: ConnectPlan) => createOmniaCodec(plan, dialect, extras),
    createPeerCodec: (plan: ConnectPlan) => createOmniaPeerCodec(plan, dialect, { ...extras, ordinals: preset.bodyShape === "ultravox" }),
  };

  if ("websocketUrl" in options) {
    if ("apiKey" in options) throw new ConfigError("give either websocketUrl (join a created call) or apiKey (create one), not both", { dialect });
    if (!isSocketUrl(options.websocketUrl)) throw new ConfigError("websocketUrl must be an absolute ws: or wss: URL", { dialect });
    const plan = socketPlan(options.websocketUrl, rates);
    return defineDialect({
      name: dialect,
      role: "client",
      capabilities: { ...capabilities, bootstrap: false },
      prepare: (): Preparation => ({ kind: "plan", plan }),
      ...codecs,
    });
  }

  const apiKey = validateApiKey(options.apiKey, dialect);
  const agentId = validateAgentId(options.agentId, dialect);
  const base = validateBaseUrl(options.baseUrl, preset.baseUrl, dialect);
  const path = validateCreatePath(options.createPath, preset.createPath, dialect);
  const clientBufferSizeMs = validateBufferMs(options.clientBufferSizeMs, dialect);
  if (clientBufferSizeMs !== undefined && preset.bodyShape !== "ultravox") {
    throw new ConfigError("clientBufferSizeMs is an Ultravox option: this preset's create body has no place for it", { dialect });
  }
  const call = { agentId, inputSampleRate, outputSampleRate, ...(clientBufferSizeMs === undefined ? {} : { clientBufferSizeMs }) };
  const config: CallCreateConfig = {
    dialect,
    apiKey,
    createUrl: `${base}${createCallPath(path, agentId)}`,
    body: createCallBody(preset.bodyShape, call, validateExtraBody(options.extraBody, dialect)),
    urlField: validateUrlField(options.urlField, preset.urlField, dialect),
    okStatuses: preset.okStatuses,
    ...rates,
  };
  const request = bootstrapRequest(config);

  return defineDialect({
    name: dialect,
    role: "client",
    capabilities,
    prepare(env: DialectEnv): Preparation {
      refuseSecretKeyInBrowser(env, config.apiKey, {
        dialect,
        secretPrefixes: [],
        allKeysSecret: true,
        advice: "Create the call on your server and pass the socket URL it returns as { websocketUrl }.",
      });
      return { kind: "bootstrap", request, parse: (response) => planFromAnswer(readBootstrapAnswer(response, config), config) };
    },
    ...codecs,
  });
}

/** `{ [key]: value }`, or nothing when the value is undefined (exact optional properties). */
function optionalField<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
