import { type AudioDataError, base64Encode, pcm16ToBytes, readBase64Audio } from "@voxwire/core";

/*
 * The Gemini Live API (BidiGenerateContent) wire in one place. Sources:
 *   - the Live API WebSockets reference, https://ai.google.dev/api/live (endpoint, message shapes);
 *   - the session-management guide, https://ai.google.dev/gemini-api/docs/live-session
 *     (goAway, session resumption, connection and session limits);
 *   - the ephemeral-token guide, https://ai.google.dev/gemini-api/docs/ephemeral-tokens;
 *   - googleapis/js-genai `src/live.ts` (URL building, `key=` / `access_token=`, setup first,
 *     wait for `setupComplete`) and `src/types.ts` (LiveClientMessage, LiveServerMessage), as
 *     published in `@google/genai` 3.1.0, and its recorded sessions
 *     (`test/system/recordings/live_*.websocket.log`).
 * Messages carry no type tag: each is an object with one top-level field naming it.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "gemini";

/** The production origin. */
export const GEMINI_DEFAULT_BASE_URL = "wss://generativelanguage.googleapis.com";
/**
 * API versions with a Live endpoint. Keys default to v1beta, the version the reference's endpoint
 * names; `@google/genai` 3.x dials v1 by default (its `GOOGLE_AI_API_DEFAULT_VERSION`); ephemeral
 * tokens are v1alpha only (js-genai `live.ts` warns otherwise).
 */
export type GeminiApiVersion = "v1beta" | "v1alpha" | "v1";
export const GEMINI_API_VERSIONS: readonly GeminiApiVersion[] = ["v1beta", "v1alpha", "v1"];

/** `/ws/google.ai.generativelanguage.<version>.GenerativeService.<method>`. */
export function geminiPath(version: GeminiApiVersion, constrained: boolean): string {
  return `/ws/google.ai.generativelanguage.${version}.GenerativeService.${constrained ? GEMINI_CONSTRAINED_METHOD : GEMINI_METHOD}`;
}
/** The method an API key dials; its query parameter is `key`. */
export const GEMINI_METHOD = "BidiGenerateContent";
/** The method an ephemeral token dials; its query parameter is `access_token`. */
export const GEMINI_CONSTRAINED_METHOD = "BidiGenerateContentConstrained";
/** Ephemeral tokens are resource names: `auth_tokens/…`. */
export const GEMINI_TOKEN_PREFIX = "auth_tokens/";

/** User audio: PCM16 mono at 16 kHz, the rate the reference names for `realtimeInput.audio`. */
export const GEMINI_INPUT_RATE = 16000;
/** The `mimeType` of every audio chunk voxwire sends. */
export const GEMINI_INPUT_MIME = "audio/pcm;rate=16000";
/**
 * Agent audio: PCM16 mono at 24 kHz. The frames say only `audio/pcm` (the recorded sessions):
 * the rate is the Live API guide's statement that output audio is 24 kHz, not something on the wire.
 */
export const GEMINI_OUTPUT_RATE = 24000;
/** Outbound audio frame length: the reference sets none; 20 ms is voxwire's choice. */
export const GEMINI_FRAME_MS = 20;

/** The model the examples name (`setup.model` gets the `models/` prefix, as js-genai's `tModel` adds it). */
export const GEMINI_SAMPLE_MODEL = "gemini-live-2.5-flash-preview";

/** Top-level client message fields. */
export const GeminiClientMessage = {
  setup: "setup",
  clientContent: "clientContent",
  realtimeInput: "realtimeInput",
  toolResponse: "toolResponse",
} as const;

/** Top-level server message fields. */
export const GeminiServerMessage = {
  setupComplete: "setupComplete",
  serverContent: "serverContent",
  toolCall: "toolCall",
  toolCallCancellation: "toolCallCancellation",
  goAway: "goAway",
  sessionResumptionUpdate: "sessionResumptionUpdate",
  usageMetadata: "usageMetadata",
  voiceActivity: "voiceActivity",
  voiceActivityDetectionSignal: "voiceActivityDetectionSignal",
} as const;

/** Every server message field `LiveServerMessage` lists: those the codec does not map pass through by design. */
export const GEMINI_SERVER_MESSAGES: readonly string[] = Object.values(GeminiServerMessage);

/** `voiceActivity.voiceActivityType` values (`VoiceActivityType` in js-genai `types.ts`). */
export const GeminiVoiceActivity = { start: "ACTIVITY_START", end: "ACTIVITY_END" } as const;
/** `voiceActivityDetectionSignal.vadSignalType` values (`VadSignalType`). */
export const GeminiVadSignal = { start: "VAD_SIGNAL_TYPE_SOS", end: "VAD_SIGNAL_TYPE_EOS" } as const;

/**
 * Close codes the service uses (the reference documents none; these are what clients observe,
 * see close-rules.ts): 1007 for a request it refuses (a bad key, a bad setup, a refused
 * resumption handle), 1008 for a policy refusal (an unknown model), 1011 when a deadline or a
 * limit ends the connection.
 */
export const GeminiClose = { badRequest: 1007, policy: 1008, deadline: 1011 } as const;

/** The object inside a one-field message, or undefined when that field is not an object. */
export function field(message: Readonly<Record<string, unknown>>, name: string): Record<string, unknown> | undefined {
  const value = message[name];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `realtimeInput.audio` for PCM16 samples at 16 kHz, built as text: no object per 20 ms frame. */
export function realtimeAudioFrame(samples: Int16Array): string {
  return `{"realtimeInput":{"audio":{"data":"${base64Encode(pcm16ToBytes(samples))}","mimeType":"${GEMINI_INPUT_MIME}"}}}`;
}

/** A protobuf JSON Duration (`"50s"`, `"0.250s"`) in ms, or undefined when it is not one. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{1,12})(?:\.(\d{1,9}))?s$/.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * 1000 + Number(`0.${match[2] ?? "0"}`) * 1000;
}

/** ms as a Duration, the way the service writes `goAway.timeLeft` (`"50s"`, `"0.25s"`). */
export function durationText(ms: number): string {
  return `${Number((Math.max(0, ms) / 1000).toFixed(3))}s`;
}

/**
 * The rate a PCM `mimeType` states (`audio/pcm;rate=16000`), `fallback` when it states none
 * (`audio/pcm`), or undefined when it is not raw PCM.
 */
export function pcmRateOf(mimeType: unknown, fallback: number): number | undefined {
  if (typeof mimeType !== "string") return undefined;
  const [type, ...params] = mimeType.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "audio/pcm" && type !== "audio/l16") return undefined;
  const rate = params.find((p) => p.startsWith("rate="))?.slice(5);
  if (rate === undefined) return fallback;
  return /^\d{4,6}$/.test(rate) ? Number(rate) : undefined;
}

/**
 * A base64 PCM16 field back to samples. Not a string, invalid base64 or an odd byte count is an
 * `AudioDataError`, returned, not thrown: one bad chunk must not end the session.
 */
export function decodePcmPayload(data: unknown, what: string): Int16Array | AudioDataError {
  return readBase64Audio(data, "pcm16", what, DIALECT_NAME);
}
