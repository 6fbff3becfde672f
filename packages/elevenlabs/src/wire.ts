import type { WireAudioFormat } from "@voxwire/core";

/*
 * The ElevenLabs Agents (Conversational AI) WebSocket wire in one place. Message names and fields
 * follow the AsyncAPI description in elevenlabs/packages, packages/types/schemas/agent.asyncapi.yaml
 * (published as the `@elevenlabs/types` npm package); the URL, the `convai` subprotocol and the
 * client's order (initiation data first, then wait for the metadata) follow the official client,
 * elevenlabs/packages packages/client/src/utils/WebSocketConnection.ts (`@elevenlabs/client`).
 * Choices voxwire made where those are silent are marked.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "elevenlabs";

/** The production WebSocket origin (AsyncAPI `servers.production`). */
export const ELEVENLABS_DEFAULT_BASE_URL = "wss://api.elevenlabs.io";
/** The conversation socket; `?agent_id=` names the agent (WebSocketConnection.ts). */
export const ELEVENLABS_CONVERSATION_PATH = "/v1/convai/conversation";
/** The REST call a server makes for a private agent: `GET …?agent_id=` with `xi-api-key`, answering `{ signed_url }`. */
export const ELEVENLABS_SIGNED_URL_PATH = "/v1/convai/conversation/get-signed-url";
/** The REST API's key header. */
export const ELEVENLABS_API_KEY_HEADER = "xi-api-key";
/** The subprotocol the official client requests (and the service echoes). */
export const ELEVENLABS_SUBPROTOCOL = "convai";

/**
 * Outbound audio frame length. The AsyncAPI sets no size for `user_audio_chunk` and the official
 * client sends 25 ms by default; 20 ms is voxwire's choice because it is a whole number of samples
 * at every rate the wire names (22 050 Hz included).
 */
export const ELEVENLABS_FRAME_MS = 20;

/** The audio formats the AsyncAPI names (`AudioFormat`, `UserInputAudioFormat`). */
export const ELEVENLABS_AUDIO_FORMATS = ["pcm_8000", "pcm_16000", "pcm_22050", "pcm_24000", "pcm_44100", "pcm_48000", "ulaw_8000"] as const;
export type ElevenlabsAudioFormat = (typeof ELEVENLABS_AUDIO_FORMATS)[number];
/** The format the official client assumes when the metadata names no input format, and the dashboard's default. */
export const ELEVENLABS_DEFAULT_AUDIO: ElevenlabsAudioFormat = "pcm_16000";

export function isElevenlabsAudioFormat(value: unknown): value is ElevenlabsAudioFormat {
  return typeof value === "string" && (ELEVENLABS_AUDIO_FORMATS as readonly string[]).includes(value);
}

/** `pcm_16000` → PCM16 at 16 kHz, `ulaw_8000` → μ-law at 8 kHz; undefined for a name the wire does not define. */
export function wireFormatOf(name: unknown): WireAudioFormat | undefined {
  if (!isElevenlabsAudioFormat(name)) return undefined;
  const [encoding, rate] = name.split("_") as [string, string];
  return { encoding: encoding === "ulaw" ? "mulaw" : "pcm16", sampleRate: Number(rate), frameMs: ELEVENLABS_FRAME_MS };
}

/** The wire's name for a format (the inverse of `wireFormatOf`), or undefined when the wire has none. */
export function formatNameOf(format: WireAudioFormat): ElevenlabsAudioFormat | undefined {
  const name = `${format.encoding === "mulaw" ? "ulaw" : format.encoding === "pcm16" ? "pcm" : "none"}_${format.sampleRate}`;
  return isElevenlabsAudioFormat(name) ? name : undefined;
}

/** Client → server message types (the audio chunk has none: "no type field for performance"). */
export const ElevenlabsClientEvent = {
  initiation: "conversation_initiation_client_data",
  pong: "pong",
  userMessage: "user_message",
  contextualUpdate: "contextual_update",
  userActivity: "user_activity",
  clientToolResult: "client_tool_result",
} as const;

/** The one key of a user audio message. */
export const USER_AUDIO_KEY = "user_audio_chunk";

/** Server → client message types voxwire maps to core events (everything else passes through). */
export const ElevenlabsServerEvent = {
  metadata: "conversation_initiation_metadata",
  audio: "audio",
  interruption: "interruption",
  ping: "ping",
  userTranscript: "user_transcript",
  tentativeUserTranscript: "tentative_user_transcript",
  agentResponse: "agent_response",
  agentResponseCorrection: "agent_response_correction",
  clientToolCall: "client_tool_call",
  error: "error",
} as const;

/**
 * Every server message type of the AsyncAPI (`ClientEvent` and the messages of the publish
 * channel). Those `ElevenlabsServerEvent` does not map pass through by design: the conformance
 * subject lists them as documented.
 */
export const ELEVENLABS_SERVER_EVENTS: readonly string[] = [
  "agent_chat_response_part",
  "agent_response",
  "agent_response_correction",
  "agent_tool_request",
  "agent_tool_response",
  "asr_initiation_metadata",
  "audio",
  "client_tool_call",
  "conversation_initiation_metadata",
  "error",
  "guardrail_triggered",
  "internal_tentative_agent_response",
  "internal_turn_probability",
  "interruption",
  "mcp_connection_status",
  "mcp_tool_call",
  "ping",
  "tentative_user_transcript",
  "user_transcript",
  "vad_score",
];

/** AsyncAPI `WebSocketCloseCode`: the codes the service closes with, and what each means there. */
export const ElevenlabsClose = {
  /** Normal closure: the agent ended the conversation (or the maximum duration passed). */
  normal: 1000,
  /** Protocol or operational error: timeouts, policy violations, LLM/TTS/ASR failures. */
  operational: 1002,
  /** Input or contract error: invalid messages, missing fields, auth and validation errors. */
  contract: 1008,
  /** Internal server error. */
  internal: 1011,
} as const;

/** `error_event.error_type` values voxwire types (AsyncAPI `ErrorType`); the rest are `vendor_error`. */
export const ElevenlabsErrorType = {
  maxDurationExceeded: "max_duration_exceeded",
  overrideError: "override_error",
  invalidMessage: "invalid_message",
  missingFields: "missing_fields",
  safetyViolation: "safety_violation",
} as const;

// --- the conversation initiation ---------------------------------------------------------

/** `conversation_config_override` (AsyncAPI `ConversationConfigClientOverride`), as voxwire sends it. */
export interface ElevenlabsConfigOverride {
  agent?: {
    /** Spoken first; empty makes the agent wait for the user. */
    first_message?: string | null;
    /** An AsyncAPI `Language` code (`en`, `de`, `pt-br`, …). */
    language?: string;
    prompt?: { prompt?: string | null; llm?: string };
    native_mcp_server_ids?: string[] | null;
  };
  tts?: { voice_id?: string | null; stability?: number | null; speed?: number | null; similarity_boost?: number | null };
  asr?: { keywords?: string[] };
  conversation?: { text_only?: boolean | null; client_events?: string[] | null };
}

/**
 * The typed escape hatch (`elevenlabs({ initiation })`): fields of the
 * `conversation_initiation_client_data` message (AsyncAPI `ConversationInitiationPayload`),
 * merged over what voxwire maps from the `agent` option.
 */
export interface ElevenlabsInitiation {
  conversation_config_override?: ElevenlabsConfigOverride;
  custom_llm_extra_body?: Record<string, unknown>;
  dynamic_variables?: Record<string, string | number | boolean>;
  user_id?: string | null;
  source_info?: { source?: string | null; version?: string | null };
}

/** The opening message: `type` first, then the fields that are set. */
export function initiationFrame(initiation: ElevenlabsInitiation): string {
  return JSON.stringify({ type: ElevenlabsClientEvent.initiation, ...initiation });
}

export const pongFrame = (eventId: number): string => `{"type":"${ElevenlabsClientEvent.pong}","event_id":${eventId}}`;
export const userAudioFrame = (base64: string): string => `{"${USER_AUDIO_KEY}":"${base64}"}`;
