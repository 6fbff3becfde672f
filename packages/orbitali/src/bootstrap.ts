import {
  ConfigError,
  type ConnectPlan,
  type HttpRequestSpec,
  type HttpResponseData,
  isRecord,
  isSocketUrl,
  ProtocolError,
  quotePeer,
  readJsonObject,
  redact,
  sampleRateSchema,
  urlSecrets,
  type VoxwireError,
  type WireAudioFormat,
} from "@voxwire/core";
import { validateAgentId, validateApiKey, validateBaseUrl } from "./validate.js";
import { DIALECT_NAME, ORBITALI_ENCODING, ORBITALI_FRAME_MS, realtimeSessionsPath } from "./wire.js";

/*
 * The Orbitali guide's two-step flow (docs/sources.md), step 1 as data: the realtime-sessions
 * request, its answer read field by field, and the connect plan the answer makes. The I/O is
 * the session runtime's (or `createOrbitaliSession`'s, in server/).
 */

/** The one sentence a refused `orb_live_` key is told to do instead. */
export const SERVER_SIDE_ADVICE =
  "Mint a session on your server with createOrbitaliSession (or createOrbitaliSessionRoute) and pass it to the browser as orbitali({ session })";

/** Who asks for a realtime session: the permanent key, the agent, and the API host. */
export interface RealtimeSessionRequestOptions {
  /** The permanent key (`orb_live_…`): server-side only. */
  apiKey: string;
  /** The agent's id (a UUID in the Orbitali dashboard). */
  agentId: string;
  /** Another host for the same API (a local simulator): `http://127.0.0.1:PORT`. Default `https://api.orbitali.ai`. */
  baseUrl?: string;
}

/**
 * The realtime-sessions call as data: `POST {baseUrl}/public/v1/agents/{agentId}/realtime-sessions`
 * with `Authorization: Bearer <key>` and no body, as the guide's curl sends it. Shared by
 * `createOrbitaliSession` (which performs it) and the dialect's bootstrap (the runtime performs it).
 */
export function bootstrapRequest(options: RealtimeSessionRequestOptions): HttpRequestSpec {
  const apiKey = validateApiKey(options.apiKey);
  const agentId = validateAgentId(options.agentId);
  const base = validateBaseUrl(options.baseUrl);
  return {
    method: "POST",
    url: `${base}${realtimeSessionsPath(agentId)}`,
    headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
    secrets: [apiKey],
  };
}

/** Reads a successful answer into a session; a body that is not the documented JSON is a fatal `ProtocolError`. */
export function readBootstrapAnswer(response: HttpResponseData): OrbitaliSession {
  const body = readJsonObject(response.body, { dialect: DIALECT_NAME, what: `the realtime-sessions answer (HTTP ${response.status})` });
  return readOrbitaliSession(body, "response");
}

/**
 * The connect plan for one realtime session: dial `websocketUrl` as given, before `expiresAt`,
 * with the audio formats the `protocol` block declares (never a constant: the rates differ by
 * direction and are the server's to choose). Every credential goes in `secrets`.
 */
export function planFromAnswer(session: OrbitaliSession, apiKey?: string): ConnectPlan {
  const secrets =
    apiKey === undefined ? [session.token, ...urlSecrets(session.websocketUrl)] : [session.token, ...urlSecrets(session.websocketUrl), apiKey];
  const outbound: WireAudioFormat = { ...wireFormat(session.protocol.inputAudio, "inputAudio", secrets), frameMs: ORBITALI_FRAME_MS };
  const inbound = wireFormat(session.protocol.outputAudio, "outputAudio", secrets);
  return { url: session.websocketUrl, audio: { outbound, inbound }, expiresAt: Date.parse(session.expiresAt), secrets };
}

function wireFormat(format: OrbitaliAudioFormat, field: string, secrets: readonly string[]): WireAudioFormat {
  if (format.encoding !== ORBITALI_ENCODING) {
    // The encoding is named so the reader knows what was offered; redacted all the same, it is vendor text.
    const named = quotePeer(redact(format.encoding, secrets), { max: 40, lead: "", end: "" });
    throw new ConfigError(`protocol.${field}.encoding is "${named}", but this adapter speaks only ${ORBITALI_ENCODING}`, {
      dialect: DIALECT_NAME,
      vendorCode: "unsupported_encoding",
    });
  }
  return { encoding: ORBITALI_ENCODING, sampleRate: format.sampleRate };
}

/** One direction's audio format, as the `protocol` block declares it. */
export interface OrbitaliAudioFormat {
  /** `pcm16` today; kept as the vendor's string so a server can hand on a format it does not know. */
  readonly encoding: string;
  readonly sampleRate: number;
}

/**
 * What `POST /public/v1/agents/{agentId}/realtime-sessions` answers: a single-use token, when it
 * expires, the socket to dial, and the audio formats of each direction. A backend hands this to
 * the browser; `orbitali({ session })` dials it.
 */
export interface OrbitaliSession {
  readonly token: string;
  /** ISO 8601; connect before it (60 s after minting). */
  readonly expiresAt: string;
  /** `wss://…/ws/agents/{agentId}?token=…`: a bearer capability, keep it out of logs. */
  readonly websocketUrl: string;
  readonly protocol: {
    /** What the client sends (`input_audio`): PCM16 16 kHz today. */
    readonly inputAudio: OrbitaliAudioFormat;
    /** What the server sends (`output_audio`): PCM16 24 kHz today. */
    readonly outputAudio: OrbitaliAudioFormat;
  };
}

/**
 * Where session data came from decides the error: the vendor's answer breaking the documented
 * shape is a (fatal) `ProtocolError`; an application passing bad data is a `ConfigError`.
 */
export type SessionSource = "response" | "options";

/**
 * Checks session data field by field and returns a copy with only the documented fields.
 * Messages name the field, never its value (the token and URL are credentials).
 */
export function readOrbitaliSession(value: unknown, source: SessionSource): OrbitaliSession {
  const fail = (why: string): VoxwireError =>
    source === "response"
      ? new ProtocolError(`the realtime-sessions answer is malformed: ${why}`, { dialect: DIALECT_NAME, fatal: true })
      : new ConfigError(`the session is malformed: ${why} (pass the realtime-sessions answer unchanged)`, { dialect: DIALECT_NAME });
  if (!isRecord(value)) throw fail("it is not a JSON object");
  const { token, expiresAt, websocketUrl, protocol } = value;
  if (typeof token !== "string" || token.length === 0) throw fail("token is missing or not a string");
  if (typeof expiresAt !== "string" || !Number.isFinite(Date.parse(expiresAt))) {
    throw fail("expiresAt is missing or not an ISO 8601 date");
  }
  if (typeof websocketUrl !== "string" || !isSocketUrl(websocketUrl)) throw fail("websocketUrl is missing or not a ws: or wss: URL");
  if (!isRecord(protocol)) throw fail("protocol is missing or not an object");
  return {
    token,
    expiresAt,
    websocketUrl,
    protocol: {
      inputAudio: readFormat(protocol.inputAudio, "protocol.inputAudio", fail),
      outputAudio: readFormat(protocol.outputAudio, "protocol.outputAudio", fail),
    },
  };
}

function readFormat(value: unknown, field: string, fail: (why: string) => VoxwireError): OrbitaliAudioFormat {
  if (!isRecord(value)) throw fail(`${field} is missing or not an object`);
  const { encoding, sampleRate } = value;
  if (typeof encoding !== "string" || encoding.length === 0) throw fail(`${field}.encoding is missing or not a string`);
  if (!sampleRateSchema.safeParse(sampleRate).success) throw fail(`${field}.sampleRate is not a sample rate in Hz`);
  return { encoding, sampleRate: sampleRate as number };
}
