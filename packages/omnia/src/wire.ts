/*
 * The call-create wire in one place: message names, rates, and the two presets (the Omnia Voice
 * guide, docs/sources.md; Ultravox `serverWebSocket`, which differs only in the REST leg).
 */

/** The dialect's name: the Omnia preset's, and the one option errors use before a preset is known. */
export const DIALECT_NAME = "omnia";

/** Server → client text messages (Omnia documents all six; Ultravox all but `error`). */
export const CallServerMessage = {
  playbackClearBuffer: "playback_clear_buffer",
  state: "state",
  transcript: "transcript",
  callStarted: "call_started",
  error: "error",
  debug: "debug",
} as const;

/** Ultravox's client message that asks the agent to end the call; the peer side reads it as a stop. */
export const ULTRAVOX_HANG_UP = "hang_up";

/**
 * Ultravox's data messages beyond the shared six (Ultravox docs, "Protocol & Data Messages",
 * https://docs.ultravox.ai/apps/datamessages): the server asks for a client tool, the client
 * answers it, types a user message, or hangs up.
 */
export const UltravoxMessage = {
  clientToolInvocation: "client_tool_invocation",
  clientToolResult: "client_tool_result",
  userTextMessage: "user_text_message",
  hangUp: ULTRAVOX_HANG_UP,
  ping: "ping",
  pong: "pong",
} as const;

/** The `responseType` of a tool's answer (the documented default, sent explicitly). */
export const ULTRAVOX_TOOL_RESPONSE = "tool-response";
/** The `errorType` of a tool that exists but failed (the other documented one, `undefined`, is for an unknown tool). */
export const ULTRAVOX_TOOL_FAILED = "implementation-error";

/** Lowest and highest rate a call may be created with, either direction. */
export const MIN_SAMPLE_RATE = 8000;
export const MAX_SAMPLE_RATE = 48000;

/** How the create-call body carries the rates. */
export type CallBodyShape = "omnia" | "ultravox";

/** A vendor speaking this wire: where calls are created, what the body looks like, where the socket URL is. */
export interface CallCreatePreset {
  /** The dialect name (log namespace, error prefix). */
  readonly name: string;
  /** Production origin of the REST API. */
  readonly baseUrl: string;
  /** The create-call path under `baseUrl`; `{agentId}` is replaced by the URL-encoded agent id. */
  readonly createPath: string;
  /** The response field holding the WebSocket URL. */
  readonly urlField: string;
  /** How the body carries agent and rates. */
  readonly bodyShape: CallBodyShape;
  /** Statuses that mean "call created". */
  readonly okStatuses: readonly number[];
  /** Length of the audio frames we send, in ms (any size is accepted; this is what the vendor's own client sends). */
  readonly outboundFrameMs: number;
  /**
   * What the vendor's socket carries beyond the Omnia messages, as Ultravox's data messages:
   * `toolCalls` (`client_tool_invocation` in, `client_tool_result` out), `textInput`
   * (`user_text_message` out). Default: neither.
   */
  readonly capabilities?: PresetCapabilities;
  /** True when a session-stop is sent as Ultravox's `hang_up` before the socket closes. Default false. */
  readonly hangUp?: boolean;
}

/** The capabilities a preset may add to the call-create wire. */
export interface PresetCapabilities {
  readonly toolCalls?: boolean;
  readonly textInput?: boolean;
}

/**
 * Omnia Voice (Omnia Voice guide, docs/sources.md): `POST /api/v1/calls/create`, `X-API-Key`, body
 * `{ agentId, connectionType: "websocket", websocket: { inputSampleRate, outputSampleRate } }`,
 * answer `{ websocketUrl }`. The guide's client sends 10 ms blocks (`blocksize = rate // 100`).
 */
export const OMNIA_PRESET: CallCreatePreset = {
  name: DIALECT_NAME,
  baseUrl: "https://dashboard.omnia-voice.com",
  createPath: "/api/v1/calls/create",
  urlField: "websocketUrl",
  bodyShape: "omnia",
  okStatuses: [200, 201],
  outboundFrameMs: 10,
};

/**
 * Ultravox `serverWebSocket`: an agent's call is `POST /api/agents/{agentId}/calls` (201), body
 * `{ medium: { serverWebSocket: { inputSampleRate, outputSampleRate, clientBufferSizeMs? } } }`,
 * answer `{ joinUrl, callId, … }`. Ultravox asks for 20 ms of audio every 20 ms. Its socket also
 * carries client tools, typed user text and `hang_up` (Ultravox docs, "Protocol & Data Messages").
 */
export const ULTRAVOX_PRESET: CallCreatePreset = {
  name: "ultravox",
  baseUrl: "https://api.ultravox.ai",
  createPath: "/api/agents/{agentId}/calls",
  urlField: "joinUrl",
  bodyShape: "ultravox",
  okStatuses: [200, 201],
  outboundFrameMs: 20,
  capabilities: { toolCalls: true, textInput: true },
  hangUp: true,
};

/** The rates and agent of one call, as the create body declares them. */
export interface CallParameters {
  readonly agentId: string;
  readonly inputSampleRate: number;
  readonly outputSampleRate: number;
  /** Ultravox only: the client-side buffer the server assumes (default 60 ms there). */
  readonly clientBufferSizeMs?: number;
}

/** The create-call body for a shape; `extra` fields go first so the documented ones always win. */
export function createCallBody(shape: CallBodyShape, call: CallParameters, extra: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  const { agentId, inputSampleRate, outputSampleRate, clientBufferSizeMs } = call;
  if (shape === "omnia") {
    return { ...extra, agentId, connectionType: "websocket", websocket: { inputSampleRate, outputSampleRate } };
  }
  const serverWebSocket: Record<string, number> = { inputSampleRate, outputSampleRate };
  if (clientBufferSizeMs !== undefined) serverWebSocket.clientBufferSizeMs = clientBufferSizeMs;
  return { ...extra, medium: { serverWebSocket } };
}

/** The create-call path with the agent id filled in. */
export function createCallPath(template: string, agentId: string): string {
  return template.split("{agentId}").join(encodeURIComponent(agentId));
}
