import { type AudioDataError, base64Encode, pcm16ToBytes, readBase64Audio } from "@voxwire/core";

/*
 * The Orbitali wire in one place (Orbitali guide, "Browser Voice Sessions"; docs/sources.md): the
 * realtime-sessions endpoint, the JSON message names, and the choices voxwire made where the
 * document is silent (frame length, how a refused token is reported). When the vendor publishes
 * more, this is the file to update.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "orbitali";

/** The documented API host for the realtime-sessions call. */
export const ORBITALI_DEFAULT_BASE_URL = "https://api.orbitali.ai";

/** Permanent secret keys: server-side only, refused in a browser. */
export const ORBITALI_LIVE_KEY_PREFIX = "orb_live_";

/** The path of the realtime-sessions call under the base URL. */
export function realtimeSessionsPath(agentId: string): string {
  return `/public/v1/agents/${encodeURIComponent(agentId)}/realtime-sessions`;
}

/** How long the document says a session token lives: connect before `expiresAt`. */
export const ORBITALI_TOKEN_TTL_MS = 60_000;

/**
 * Outbound audio frame length. The document says only "send it in chunks"; 20 ms (320 samples,
 * 640 bytes, ~856 base64 characters at 16 kHz) keeps latency low without flooding the socket.
 */
export const ORBITALI_FRAME_MS = 20;

/** The only audio encoding the document names, in both directions. */
export const ORBITALI_ENCODING = "pcm16";

/** Client → server message types. */
export const OrbitaliClientMessage = {
  inputAudio: "input_audio",
  stop: "stop",
} as const;

/** Server → client message types. */
export const OrbitaliServerMessage = {
  outputAudio: "output_audio",
  clear: "clear",
  sessionStarted: "session.started",
  transcript: "transcript",
} as const;

/**
 * A refused session token. The document does not say how; voxwire's simulator accepts the
 * upgrade and closes at once with 4401 and one of these codes as the reason, because a browser
 * sees only "connection failed" for an HTTP 401 at the upgrade, while a close code and reason
 * reach `onclose`. The adapter also maps an HTTP 401 at the upgrade whose body names a code.
 */
export const ORBITALI_TOKEN_CLOSE = 4401;
export const OrbitaliTokenRefusal = {
  /** Past `expiresAt`. */
  expired: "token_expired",
  /** Tokens are single-use: a second connection with the same token. */
  alreadyUsed: "token_already_used",
  /** Not a token this service issued. */
  invalid: "token_invalid",
} as const;

/** PCM16 samples as the wire carries them: little-endian bytes, base64 (core's codec, fast on every runtime). */
export function encodeAudioPayload(samples: Int16Array): string {
  return base64Encode(pcm16ToBytes(samples));
}

/**
 * A message's `audio` field back to samples. Not a string, invalid base64 or an odd byte count
 * is an `AudioDataError` (returned, not thrown: a codec's decode never throws, and one bad chunk
 * must not end the session).
 */
export function decodeAudioPayload(audio: unknown, message: string): Int16Array | AudioDataError {
  return readBase64Audio(audio, "pcm16", message, DIALECT_NAME);
}
