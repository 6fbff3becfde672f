import {
  type AudioDataError,
  type AudioEncoding,
  alawEncode,
  base64Encode,
  mulawEncode,
  pcm16ToBytes,
  readBase64Audio,
  type WireAudioFormat,
} from "@voxwire/core";

/*
 * The OpenAI Realtime GA WebSocket wire in one place. Event names and fields follow openai-node
 * `src/resources/realtime/realtime.ts` (the published GA client and server event types); the URL,
 * the Authorization header and the browser subprotocols follow OpenAI's "Realtime API with
 * WebSocket" guide (https://developers.openai.com/api/docs/guides/realtime-websocket) and
 * openai-node `src/realtime/websocket.ts`. Choices voxwire made where those are silent are marked.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "openai";

/** The production origin. */
export const OPENAI_DEFAULT_BASE_URL = "wss://api.openai.com";
/** The WebSocket path under the origin; `?model=` names the Realtime model. */
export const OPENAI_PATH = "/v1/realtime";

/** Azure Voice Live (`compat: "azure"`): the WebSocket path, its default `api-version`, the key's header. */
export const AZURE_PATH = "/voice-live/realtime";
export const AZURE_DEFAULT_API_VERSION = "2025-10-01";
export const AZURE_API_KEY_HEADER = "api-key";

/** Browsers cannot set headers: the first subprotocol names the protocol… */
export const OPENAI_REALTIME_SUBPROTOCOL = "realtime";
/** …and the second carries the ephemeral client secret. */
export const OPENAI_KEY_SUBPROTOCOL_PREFIX = "openai-insecure-api-key.";
/** Standard API keys: server-side only, refused in a browser. */
export const OPENAI_SECRET_KEY_PREFIX = "sk-";
/** Ephemeral client secrets minted by `POST /v1/realtime/client_secrets`. */
export const OPENAI_CLIENT_SECRET_PREFIX = "ek_";

/**
 * Outbound audio frame length. The reference sets no size for `input_audio_buffer.append`;
 * 20 ms (480 samples at 24 kHz, 160 at 8 kHz) is voxwire's choice.
 */
export const OPENAI_FRAME_MS = 20;

/** The audio formats the GA session accepts (`RealtimeAudioFormats`), by the option name. */
export type OpenaiAudio = "pcm16" | "pcmu" | "pcma";

/** One audio option: its `format` object on the wire and the format core runs. */
export interface OpenaiAudioChoice {
  /** The `format` object of `session.audio.input` / `.output`. */
  readonly wire: Readonly<Record<string, unknown>>;
  /** The beta session's `input_audio_format` / `output_audio_format` name (Azure Voice Live). */
  readonly beta: string;
  readonly format: WireAudioFormat;
}

/** `audio/pcm` is 24 kHz only; G.711 μ-law and A-law are 8 kHz (the beta names: `pcm16`, `g711_ulaw`, `g711_alaw`). */
export const OPENAI_AUDIO: Readonly<Record<OpenaiAudio, OpenaiAudioChoice>> = {
  pcm16: { wire: { type: "audio/pcm", rate: 24000 }, beta: "pcm16", format: { encoding: "pcm16", sampleRate: 24000, frameMs: OPENAI_FRAME_MS } },
  pcmu: { wire: { type: "audio/pcmu" }, beta: "g711_ulaw", format: { encoding: "mulaw", sampleRate: 8000, frameMs: OPENAI_FRAME_MS } },
  pcma: { wire: { type: "audio/pcma" }, beta: "g711_alaw", format: { encoding: "alaw", sampleRate: 8000, frameMs: OPENAI_FRAME_MS } },
};

export function isOpenaiAudio(value: unknown): value is OpenaiAudio {
  return typeof value === "string" && Object.hasOwn(OPENAI_AUDIO, value);
}

/** The longest a Realtime connection lasts: the service ends it at 60 minutes and sends no warning first. */
export const OPENAI_MAX_SESSION_MS = 60 * 60 * 1000;

/** Client → server event names voxwire sends. */
export const OpenaiClientEvent = {
  sessionUpdate: "session.update",
  inputAudioAppend: "input_audio_buffer.append",
  itemCreate: "conversation.item.create",
  itemTruncate: "conversation.item.truncate",
  responseCreate: "response.create",
} as const;

/** Server → client event names voxwire maps to core events (everything else passes through). */
export const OpenaiServerEvent = {
  sessionCreated: "session.created",
  sessionUpdated: "session.updated",
  error: "error",
  speechStarted: "input_audio_buffer.speech_started",
  speechStopped: "input_audio_buffer.speech_stopped",
  functionCallArgumentsDone: "response.function_call_arguments.done",
  outputAudioDelta: "response.output_audio.delta",
  outputAudioDone: "response.output_audio.done",
  outputTranscriptDelta: "response.output_audio_transcript.delta",
  outputTranscriptDone: "response.output_audio_transcript.done",
  inputTranscriptDelta: "conversation.item.input_audio_transcription.delta",
  inputTranscriptCompleted: "conversation.item.input_audio_transcription.completed",
} as const;

/**
 * Every GA server event type (`RealtimeServerEvent` in realtime.ts). Those `OpenaiServerEvent`
 * does not map pass through by design: the conformance subject lists them as documented.
 */
export const OPENAI_SERVER_EVENTS: readonly string[] = [
  "conversation.created",
  "conversation.item.added",
  "conversation.item.created",
  "conversation.item.deleted",
  "conversation.item.done",
  "conversation.item.input_audio_transcription.completed",
  "conversation.item.input_audio_transcription.delta",
  "conversation.item.input_audio_transcription.failed",
  "conversation.item.input_audio_transcription.segment",
  "conversation.item.retrieved",
  "conversation.item.truncated",
  "error",
  "input_audio_buffer.cleared",
  "input_audio_buffer.committed",
  "input_audio_buffer.dtmf_event_received",
  "input_audio_buffer.speech_started",
  "input_audio_buffer.speech_stopped",
  "input_audio_buffer.timeout_triggered",
  "mcp_list_tools.completed",
  "mcp_list_tools.failed",
  "mcp_list_tools.in_progress",
  "output_audio_buffer.cleared",
  "output_audio_buffer.started",
  "output_audio_buffer.stopped",
  "rate_limits.updated",
  "response.content_part.added",
  "response.content_part.done",
  "response.created",
  "response.done",
  "response.function_call_arguments.delta",
  "response.function_call_arguments.done",
  "response.mcp_call.completed",
  "response.mcp_call.failed",
  "response.mcp_call.in_progress",
  "response.mcp_call_arguments.delta",
  "response.mcp_call_arguments.done",
  "response.output_audio.delta",
  "response.output_audio.done",
  "response.output_audio_transcript.delta",
  "response.output_audio_transcript.done",
  "response.output_item.added",
  "response.output_item.done",
  "response.output_text.delta",
  "response.output_text.done",
  "session.created",
  "session.updated",
];

/**
 * OpenAI-shaped vendors that still speak the beta event names (Azure Voice Live): each beta name
 * and the GA name it stands for. Names from the `@azure/ai-voicelive` 1.1.0 server event types and
 * Azure's "Voice Live API reference" (https://learn.microsoft.com/azure/ai-services/speech-service/voice-live-api-reference).
 */
export const OPENAI_BETA_EVENT_NAMES: Readonly<Record<string, string>> = {
  "response.audio.delta": "response.output_audio.delta",
  "response.audio.done": "response.output_audio.done",
  "response.audio_transcript.delta": "response.output_audio_transcript.delta",
  "response.audio_transcript.done": "response.output_audio_transcript.done",
  "response.text.delta": "response.output_text.delta",
  "response.text.done": "response.output_text.done",
};

/** The beta name of a GA event for `compat: "azure"` (the name itself when it did not change). */
export function betaEventName(ga: string): string {
  for (const [beta, name] of Object.entries(OPENAI_BETA_EVENT_NAMES)) if (name === ga) return beta;
  return ga;
}

/** The `error.code` values voxwire types (others are `vendor_error`). */
export const OpenaiErrorCode = {
  invalidApiKey: "invalid_api_key",
  sessionExpired: "session_expired",
  rateLimitExceeded: "rate_limit_exceeded",
} as const;

/** Samples as the wire carries them in `encoding`: PCM16 little-endian, or one G.711 byte per sample; base64. */
export function encodeAudioPayload(samples: Int16Array, encoding: AudioEncoding, scratch?: Uint8Array): string {
  if (encoding === "mulaw") return base64Encode(mulawEncode(samples, scratch));
  if (encoding === "alaw") return base64Encode(alawEncode(samples, scratch));
  return base64Encode(pcm16ToBytes(samples));
}

/**
 * A base64 audio field back to PCM16 samples. Not a string, invalid base64 or (PCM16) an odd byte
 * count is an `AudioDataError`, returned, not thrown: decode never throws, and one bad chunk must
 * not end the session.
 */
export function decodeAudioPayload(audio: unknown, encoding: AudioEncoding, what: string): Int16Array | AudioDataError {
  return readBase64Audio(audio, encoding, what, DIALECT_NAME);
}
