/*
 * The Deepgram Voice Agent API (v1) wire in one place. Message names and fields follow the
 * published agent types of the official SDK (deepgram/deepgram-js-sdk,
 * src/api/resources/agent/resources/v1/types/*.ts, as shipped in @deepgram/sdk 5.13.0) and
 * Deepgram's Voice Agent API reference (https://developers.deepgram.com/reference/voice-agent-api/agent);
 * the keepalive from "Agent Keep Alive" (https://developers.deepgram.com/docs/agent-keep-alive),
 * error codes from "Errors & Warnings" (https://developers.deepgram.com/docs/voice-agent-errors-warnings),
 * the browser subprotocols from the SDK's src/CustomClient.ts. Choices voxwire made where those are
 * silent are marked.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "deepgram";

/** The production agent origin. */
export const DEEPGRAM_DEFAULT_BASE_URL = "wss://agent.deepgram.com";
/** The WebSocket path under the origin. */
export const DEEPGRAM_PATH = "/v1/agent/converse";
/** The REST origin that mints short-lived tokens. */
export const DEEPGRAM_REST_BASE_URL = "https://api.deepgram.com";
/** `POST` here with `Authorization: Token <key>` answers `{ access_token, expires_in }`. */
export const DEEPGRAM_GRANT_PATH = "/v1/auth/grant";

/** An API key rides as `Authorization: Token <key>`; in a browser as the subprotocols `token`, `<key>`. */
export const DEEPGRAM_TOKEN_SCHEME = "Token";
export const DEEPGRAM_TOKEN_SUBPROTOCOL = "token";
/** A short-lived JWT rides as `Authorization: Bearer <jwt>`; in a browser as the subprotocols `bearer`, `<jwt>`. */
export const DEEPGRAM_BEARER_SCHEME = "Bearer";
export const DEEPGRAM_BEARER_SUBPROTOCOL = "bearer";

/** "While idle, send one KeepAlive every 8 seconds" (Agent Keep Alive). */
export const DEEPGRAM_KEEPALIVE_MS = 8000;
/** The server closes every session at two hours (Errors & Warnings, maximum session length). */
export const DEEPGRAM_MAX_SESSION_MS = 2 * 60 * 60 * 1000;
/** Granted tokens live 30 s unless `ttl_seconds` says otherwise (Token-Based Authentication reference). */
export const DEEPGRAM_DEFAULT_TOKEN_TTL_S = 30;

/** Outbound audio frame length. The reference sets none for binary audio; 20 ms is voxwire's choice. */
export const DEEPGRAM_FRAME_MS = 20;
/** `audio.input` without a rate defaults to linear16 at 24 kHz (AgentV1Settings.Audio.Input). */
export const DEEPGRAM_DEFAULT_SAMPLE_RATE = 24000;
/** The linear16 rates voxwire offers each way (the SDK's "common values"; TTS output at these rates). */
export const DEEPGRAM_INPUT_RATES: readonly number[] = [8000, 16000, 24000, 32000, 44100, 48000];
export const DEEPGRAM_OUTPUT_RATES: readonly number[] = [8000, 16000, 24000, 32000, 48000];

/** Client → server messages (AgentV1Settings, AgentV1KeepAlive, …). */
export const DeepgramClientMessage = {
  settings: "Settings",
  keepAlive: "KeepAlive",
  updatePrompt: "UpdatePrompt",
  updateSpeak: "UpdateSpeak",
  updateThink: "UpdateThink",
  updateListen: "UpdateListen",
  injectUserMessage: "InjectUserMessage",
  injectAgentMessage: "InjectAgentMessage",
  functionCallResponse: "FunctionCallResponse",
  forceEndTurn: "ForceEndTurn",
} as const;

/** Server → client messages voxwire maps to core events (the rest pass through). */
export const DeepgramServerMessage = {
  welcome: "Welcome",
  settingsApplied: "SettingsApplied",
  conversationText: "ConversationText",
  userStartedSpeaking: "UserStartedSpeaking",
  agentThinking: "AgentThinking",
  agentStartedSpeaking: "AgentStartedSpeaking",
  agentAudioDone: "AgentAudioDone",
  functionCallRequest: "FunctionCallRequest",
  functionCallCancelled: "FunctionCallCancelled",
  error: "Error",
  warning: "Warning",
} as const;

/**
 * Every server message the SDK's agent types name. Those `DeepgramServerMessage` does not map
 * (the `*Updated` acknowledgements, `InjectionRefused`, `History`, `LatencyReport`, the server's
 * own `FunctionCallResponse`) pass through by design: the conformance subject lists them as documented.
 */
export const DEEPGRAM_SERVER_MESSAGES: readonly string[] = [
  "AgentAudioDone",
  "AgentStartedSpeaking",
  "AgentThinking",
  "ConversationText",
  "Error",
  "FunctionCallCancelled",
  "FunctionCallRequest",
  "FunctionCallResponse",
  "History",
  "InjectionRefused",
  "LatencyReport",
  "ListenUpdated",
  "PromptUpdated",
  "SettingsApplied",
  "SpeakUpdated",
  "ThinkUpdated",
  "UserStartedSpeaking",
  "Warning",
  "Welcome",
];

/** `Error.code` values with a typed meaning (Errors & Warnings); others are `vendor_error`. */
export const DeepgramErrorCode = {
  internal: "INTERNAL_SERVER_ERROR",
  clientMessageTimeout: "CLIENT_MESSAGE_TIMEOUT",
  unparsable: "UNPARSABLE_CLIENT_MESSAGE",
  beforeSettings: "NON_SETTINGS_MESSAGE_BEFORE_SETTINGS",
  settingsAlreadyApplied: "SETTINGS_ALREADY_APPLIED",
  invalidSettings: "INVALID_SETTINGS",
  failedToStartListening: "FAILED_TO_START_LISTENING",
  asrConnectionClosed: "ASR_CONNECTION_CLOSED",
  asrDriverTimeout: "ASR_DRIVER_TIMEOUT",
  userAudioFormat: "USER_AUDIO_FORMAT",
} as const;

/** The `ConversationText.role` values (AgentV1ConversationText.Role). */
export const DeepgramRole = { user: "user", assistant: "assistant" } as const;

/** `{"type":"KeepAlive"}`, built once: the runtime sends it every interval while idle. */
export const KEEPALIVE_FRAME = JSON.stringify({ type: DeepgramClientMessage.keepAlive });

/** A decoded JSON message, as the codecs read it. */
export type DeepgramMessage = Readonly<Record<string, unknown>>;
