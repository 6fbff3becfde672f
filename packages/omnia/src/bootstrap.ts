import {
  type ConnectPlan,
  type HttpRequestSpec,
  type HttpResponseData,
  isSocketUrl,
  ProtocolError,
  readJsonObject,
  urlSecrets,
  type WireAudioFormat,
} from "@voxwire/core";

/** What one dialect instance needs to create calls and dial them. Validated by the factory. */
export interface CallCreateConfig {
  readonly dialect: string;
  readonly apiKey: string;
  /** `baseUrl` + the create path, agent id filled in. */
  readonly createUrl: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly urlField: string;
  readonly okStatuses: readonly number[];
  readonly inputSampleRate: number;
  readonly outputSampleRate: number;
  readonly outboundFrameMs: number;
}

/** The create-call request as data: the session runtime performs it with fetch. */
export function bootstrapRequest(config: CallCreateConfig): HttpRequestSpec {
  return {
    method: "POST",
    url: config.createUrl,
    headers: { "content-type": "application/json", accept: "application/json", "x-api-key": config.apiKey },
    body: JSON.stringify(config.body),
    okStatuses: config.okStatuses,
    secrets: [config.apiKey],
  };
}

/**
 * The created call's socket URL, from the answer's `urlField`. A body without a `ws:`/`wss:` URL
 * there is a fatal `ProtocolError` naming the fields it did have; the message never quotes a
 * value, since the answer is full of credentials.
 */
export function readBootstrapAnswer(response: HttpResponseData, config: CallCreateConfig): string {
  const fail = (why: string) =>
    new ProtocolError(`the create-call answer (HTTP ${response.status}) ${why}`, { dialect: config.dialect, fatal: true });
  const record = readJsonObject(response.body, { dialect: config.dialect, what: `the create-call answer (HTTP ${response.status})` });
  const socketUrl = record[config.urlField];
  if (!isSocketUrl(socketUrl)) {
    const fields = Object.keys(record).slice(0, 20).join(", ") || "none";
    const why = socketUrl === undefined ? "has no" : "has an unusable";
    throw fail(`${why} "${config.urlField}" (a ws: or wss: URL); its fields: ${fields}`);
  }
  return socketUrl;
}

/**
 * The connect plan for a created call: its socket URL, and the rates the call was created with
 * (the request's, not anything the answer claims: the vendor resamples to what we declared).
 */
export function planFromAnswer(socketUrl: string, config: CallCreateConfig): ConnectPlan {
  return socketPlan(socketUrl, config, [config.apiKey]);
}

/** The plan for dialing a call's socket URL (created now, or handed over by a server). */
export function socketPlan(
  socketUrl: string,
  rates: Pick<CallCreateConfig, "inputSampleRate" | "outputSampleRate" | "outboundFrameMs">,
  otherSecrets: readonly string[] = [],
): ConnectPlan {
  const outbound: WireAudioFormat = { encoding: "pcm16", sampleRate: rates.inputSampleRate, frameMs: rates.outboundFrameMs };
  const inbound: WireAudioFormat = { encoding: "pcm16", sampleRate: rates.outputSampleRate };
  return { url: socketUrl, audio: { outbound, inbound }, secrets: [...otherSecrets, ...urlSecrets(socketUrl)] };
}
