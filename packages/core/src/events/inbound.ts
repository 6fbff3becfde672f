import * as z from "zod/mini";
import type { OpenErrorCode } from "../errors/error-codes.js";
import type { VoxwireError } from "../errors/voxwire-error.js";
import { checked, dtmfDigitSchema, pcm16Schema, rawFrameSchema, sampleRateSchema, transcriptRoleSchema } from "./schema-helpers.js";

/*
 * Inbound events: what an agent (or a carrier leg) tells the application.
 * Every event keeps the wire frame it came from as `raw`, so nothing a vendor sends is lost;
 * anything the model does not know becomes `passthrough`, never a drop.
 */

// --- session -----------------------------------------------------------------------------

/** The peer accepted the connection; the session is not live yet (Omni `hello`, Twilio `connected`). */
export const sessionAcceptedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-accepted"),
  raw: rawFrameSchema,
});

/** The session is live. `ids` holds the vendor's identifiers (call id, stream sid, …) by their wire names. */
export const sessionStartedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-started"),
  ids: /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.string()),
  /** Other start details the vendor sent (tracks, custom parameters, media format, …). */
  metadata: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.unknown())),
  raw: rawFrameSchema,
});

/** The peer announced that it is about to close the session. */
export const sessionEndingSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-ending"),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  raw: rawFrameSchema,
});

/** The session is over: always the last event of a session. */
export const sessionEndedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-ended"),
  /** Why: a vendor reason (`server_shutdown`, …), `closed` for a clean close, or an error code. */
  reason: /* @__PURE__ */ z.string(),
  /** The WebSocket close code, when the socket closed. */
  code: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.int()),
  raw: rawFrameSchema,
});

/** The vendor will end the connection in about `inMs` (a warning such as Gemini's `goAway`, or a limit the dialect knows). */
export const sessionExpiringSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-expiring"),
  inMs: checked(/* @__PURE__ */ z.number(), /* @__PURE__ */ z.nonnegative()),
  raw: rawFrameSchema,
});

/**
 * The connection dropped and the session carried on over a new one (the `reconnect` policy, or a
 * vendor's resumption). `gapMs` is how long no connection was up; `resumed` says the vendor kept
 * the conversation (a resumption handle) rather than starting a new one.
 */
export const sessionReconnectedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-reconnected"),
  gapMs: checked(/* @__PURE__ */ z.number(), /* @__PURE__ */ z.nonnegative()),
  attempt: checked(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.positive()),
  resumed: /* @__PURE__ */ z.boolean(),
  raw: rawFrameSchema,
});

// --- user --------------------------------------------------------------------------------

/** The vendor's own voice detection heard the user start speaking (separate from `playback-clear`). */
export const speechStartedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("speech-started"),
  raw: rawFrameSchema,
});

/** The vendor's voice detection heard the user stop speaking. */
export const speechStoppedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("speech-stopped"),
  raw: rawFrameSchema,
});

// --- agent -------------------------------------------------------------------------------

export const agentStateValues = ["idle", "listening", "thinking", "speaking"] as const;
export const agentStateValueSchema = /* @__PURE__ */ z.enum(agentStateValues);

/** The agent's turn state; `listening` also means "ready" for dialects that only say that. */
export const agentStateSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("agent-state"),
  state: agentStateValueSchema,
  raw: rawFrameSchema,
});

// --- audio -------------------------------------------------------------------------------

/** Agent audio: PCM16 mono at `sampleRate` (the wire rate from a codec, the app rate from a session). */
export const audioChunkSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("audio-chunk"),
  audio: pcm16Schema,
  sampleRate: sampleRateSchema,
  /** The vendor's id for the agent turn this belongs to (OpenAI `item_id`), where it names one. */
  turnId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  raw: rawFrameSchema,
});

/**
 * Barge-in: drop every queued agent sample now (`flush`, `clear`, `playback_clear_buffer`).
 * `turnId` names the turn being cut, where the vendor says which.
 */
export const playbackClearSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("playback-clear"),
  /** The vendor's id for the agent turn this belongs to (OpenAI `item_id`), where it names one. */
  turnId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  raw: rawFrameSchema,
});

/** A playback checkpoint came back: the audio sent before the mark has played (or was cleared). */
export const markPlayedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("mark-played"),
  name: /* @__PURE__ */ z.string(),
  raw: rawFrameSchema,
});

// --- transcript --------------------------------------------------------------------------

/** Part of a turn's transcript. `text` is everything so far in this turn, `delta` what was added. */
export const transcriptDeltaSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("transcript-delta"),
  role: transcriptRoleSchema,
  delta: /* @__PURE__ */ z.string(),
  text: /* @__PURE__ */ z.string(),
  /** The vendor's id for the turn this belongs to (OpenAI `item_id`), where it names one. */
  turnId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  raw: rawFrameSchema,
});

/** A turn's final transcript. */
export const transcriptEndSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("transcript-end"),
  role: transcriptRoleSchema,
  text: /* @__PURE__ */ z.string(),
  /** The vendor's id for the turn this belongs to (OpenAI `item_id`), where it names one. */
  turnId: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  raw: rawFrameSchema,
});

// --- tools -------------------------------------------------------------------------------

/** The agent calls a tool. `arguments` is the parsed JSON (the vendor's own string stays in `raw`). */
export const toolCallSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("tool-call"),
  /** The vendor's id for this call; the result names it. */
  callId: /* @__PURE__ */ z.string(),
  name: /* @__PURE__ */ z.string(),
  arguments: /* @__PURE__ */ z.unknown(),
  raw: rawFrameSchema,
});

/** The vendor no longer wants these calls' results (the user interrupted). */
export const toolCallCancelledSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("tool-call-cancelled"),
  callIds: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  raw: rawFrameSchema,
});

// --- telephony ---------------------------------------------------------------------------

/** A keypad digit from the far end. */
export const dtmfReceivedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("dtmf-received"),
  digit: dtmfDigitSchema,
  durationMs: /* @__PURE__ */ z.optional(checked(/* @__PURE__ */ z.number(), /* @__PURE__ */ z.nonnegative())),
  raw: rawFrameSchema,
});

/** The agent asks to hand the caller to a human. */
export const transferRequestedSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("transfer-requested"),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  /** A destination, when the vendor names one (a number, a queue). */
  target: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  raw: rawFrameSchema,
});

// --- diagnostics -------------------------------------------------------------------------

/** Something went wrong. `fatal` ends the session; `retryable` says a new session may succeed. */
export const errorEventSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("error"),
  /** Stable machine code (`auth_failed`, `protocol_violation`, …); see docs/event-model.md. Open: a third-party dialect may add its own. */
  // zod/mini has no `/* @__PURE__ */ z.string<T>()`: the same cast classic zod makes there (a string schema typed as T).
  code: /* @__PURE__ */ z.string() as z.ZodMiniType<OpenErrorCode, OpenErrorCode>,
  message: /* @__PURE__ */ z.string(),
  fatal: /* @__PURE__ */ z.boolean(),
  retryable: /* @__PURE__ */ z.boolean(),
  /** The typed error, when one was raised (not part of a golden frame). */
  error: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.custom<VoxwireError>()),
  raw: rawFrameSchema,
  /**
   * Set when `raw` holds only the start of the frame (an oversize or malformed frame keeps its
   * first 256 characters or bytes): the whole frame's length.
   */
  rawLength: /* @__PURE__ */ z.optional(checked(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.nonnegative())),
});

/** A vendor debug message. */
export const debugEventSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("debug"),
  message: /* @__PURE__ */ z.string(),
  raw: rawFrameSchema,
});

/** A frame the model has no event for, kept whole. `name` is the wire's type tag when it has one. */
export const passthroughEventSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("passthrough"),
  name: /* @__PURE__ */ z.string(),
  payload: /* @__PURE__ */ z.unknown(),
  raw: rawFrameSchema,
});

export const inboundEventSchema = /* @__PURE__ */ z.discriminatedUnion("type", [
  sessionAcceptedSchema,
  sessionStartedSchema,
  sessionEndingSchema,
  sessionEndedSchema,
  sessionExpiringSchema,
  sessionReconnectedSchema,
  speechStartedSchema,
  speechStoppedSchema,
  agentStateSchema,
  audioChunkSchema,
  playbackClearSchema,
  markPlayedSchema,
  transcriptDeltaSchema,
  transcriptEndSchema,
  toolCallSchema,
  toolCallCancelledSchema,
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
