import { ConfigError, ProtocolError, sampleRateSchema, type VoxwireError } from "@voxwire/core";

const DIALECT = "orbitali";

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
      ? new ProtocolError(`the realtime-sessions answer is malformed: ${why}`, { dialect: DIALECT, fatal: true })
      : new ConfigError(`the session is malformed: ${why} (pass the realtime-sessions answer unchanged)`, { dialect: DIALECT });
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

function isSocketUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === "ws:" || protocol === "wss:";
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
