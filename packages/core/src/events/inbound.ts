import { z } from "zod";
import type { OpenErrorCode } from "../errors/error-codes.js";
import type { VoxwireError } from "../errors/voxwire-error.js";
import { dtmfDigitSchema, pcm16Schema, rawFrameSchema, sampleRateSchema, transcriptRoleSchema } from "./schema-helpers.js";

/*
 * Inbound events: what an agent (or a carrier leg) tells the application.
 * Every event keeps the wire frame it came from as `raw`, so nothing a vendor sends is lost;
 * anything the model does not know becomes `passthrough`, never a drop.
 */

// --- session -----------------------------------------------------------------------------

/** The peer accepted the connection; the session is not live yet (Omni `hello`, Twilio `connected`). */
export const sessionAcceptedSchema = z.object({
  type: z.literal("session-accepted"),
  raw: rawFrameSchema,
});

/** The session is live. `ids` holds the vendor's identifiers (call id, stream sid, …) by their wire names. */
export const sessionStartedSchema = z.object({
  type: z.literal("session-started"),
  ids: z.record(z.string(), z.string()),
  /** Other start details the vendor sent (tracks, custom parameters, media format, …). */
  metadata: z.record(z.string(), z.unknown()).optional(),
  raw: rawFrameSchema,
});

/** The peer announced that it is about to close the session. */
export const sessionEndingSchema = z.object({
  type: z.literal("session-ending"),
  reason: z.string().optional(),
  raw: rawFrameSchema,
});

/** The session is over: always the last event of a session. */
export const sessionEndedSchema = z.object({
  type: z.literal("session-ended"),
  /** Why: a vendor reason (`server_shutdown`, …), `closed` for a clean close, or an error code. */
  reason: z.string(),
  /** The WebSocket close code, when the socket closed. */
  code: z.number().int().optional(),
  raw: rawFrameSchema,
});

// --- agent -------------------------------------------------------------------------------

export const agentStateValues = ["idle", "listening", "thinking", "speaking"] as const;
export const agentStateValueSchema = z.enum(agentStateValues);

/** The agent's turn state; `listening` also means "ready" for dialects that only say that. */
export const agentStateSchema = z.object({
  type: z.literal("agent-state"),
  state: agentStateValueSchema,
  raw: rawFrameSchema,
});

// --- audio -------------------------------------------------------------------------------

/** Agent audio: PCM16 mono at `sampleRate` (the wire rate from a codec, the app rate from a session). */
export const audioChunkSchema = z.object({
  type: z.literal("audio-chunk"),
  audio: pcm16Schema,
  sampleRate: sampleRateSchema,
  raw: rawFrameSchema,
});

/** Barge-in: drop every queued agent sample now (`flush`, `clear`, `playback_clear_buffer`). */
export const playbackClearSchema = z.object({
  type: z.literal("playback-clear"),
  raw: rawFrameSchema,
});

/** A playback checkpoint came back: the audio sent before the mark has played (or was cleared). */
export const markPlayedSchema = z.object({
  type: z.literal("mark-played"),
  name: z.string(),
  raw: rawFrameSchema,
});

// --- transcript --------------------------------------------------------------------------

/** Part of a turn's transcript. `text` is everything so far in this turn, `delta` what was added. */
export const transcriptDeltaSchema = z.object({
  type: z.literal("transcript-delta"),
  role: transcriptRoleSchema,
  delta: z.string(),
  text: z.string(),
  raw: rawFrameSchema,
});

/** A turn's final transcript. */
export const transcriptEndSchema = z.object({
  type: z.literal("transcript-end"),
  role: transcriptRoleSchema,
  text: z.string(),
  raw: rawFrameSchema,
});

// --- telephony ---------------------------------------------------------------------------

/** A keypad digit from the far end. */
export const dtmfReceivedSchema = z.object({
  type: z.literal("dtmf-received"),
  digit: dtmfDigitSchema,
  durationMs: z.number().nonnegative().optional(),
  raw: rawFrameSchema,
});

/** The agent asks to hand the caller to a human. */
export const transferRequestedSchema = z.object({
  type: z.literal("transfer-requested"),
  reason: z.string().optional(),
  /** A destination, when the vendor names one (a number, a queue). */
  target: z.string().optional(),
  raw: rawFrameSchema,
});

// --- diagnostics -------------------------------------------------------------------------

/** Something went wrong. `fatal` ends the session; `retryable` says a new session may succeed. */
export const errorEventSchema = z.object({
  type: z.literal("error"),
  /** Stable machine code (`auth_failed`, `protocol_violation`, …); see docs/event-model.md. Open: a third-party dialect may add its own. */
  code: z.string<OpenErrorCode>(),
  message: z.string(),
  fatal: z.boolean(),
  retryable: z.boolean(),
  /** The typed error, when one was raised (not part of a golden frame). */
  error: z.custom<VoxwireError>().optional(),
  raw: rawFrameSchema,
  /**
   * Set when `raw` holds only the start of the frame (an oversize or malformed frame keeps its
   * first 256 characters or bytes): the whole frame's length.
   */
  rawLength: z.number().int().nonnegative().optional(),
});

/** A vendor debug message. */
export const debugEventSchema = z.object({
  type: z.literal("debug"),
  message: z.string(),
  raw: rawFrameSchema,
});

/** A frame the model has no event for, kept whole. `name` is the wire's type tag when it has one. */
export const passthroughEventSchema = z.object({
  type: z.literal("passthrough"),
  name: z.string(),
  payload: z.unknown(),
  raw: rawFrameSchema,
});

export const inboundEventSchema = z.discriminatedUnion("type", [
  sessionAcceptedSchema,
  sessionStartedSchema,
  sessionEndingSchema,
  sessionEndedSchema,
  agentStateSchema,
  audioChunkSchema,
  playbackClearSchema,
  markPlayedSchema,
  transcriptDeltaSchema,
  transcriptEndSchema,
  dtmfReceivedSchema,
  transferRequestedSchema,
  errorEventSchema,
  debugEventSchema,
  passthroughEventSchema,
]);

export type InboundEvent = z.infer<typeof inboundEventSchema>;
export type InboundEventType = InboundEvent["type"];
export type InboundEventOf<T extends InboundEventType> = Extract<InboundEvent, { type: T }>;
export type AgentState = z.infer<typeof agentStateValueSchema>;
export type ErrorEvent = InboundEventOf<"error">;
export type PassthroughEvent = InboundEventOf<"passthrough">;
