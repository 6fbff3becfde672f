import * as z from "zod/mini";
import { agentConfigSchema } from "./agent-config.js";
import { checked, dtmfDigitSchema, pcm16Schema, sampleRateSchema } from "./schema-helpers.js";

/*
 * Outbound events: what the application tells an agent (or a carrier leg).
 * A session converts the application's audio to the wire format before a codec sees it,
 * so `audio-append` reaching a codec is always at the wire rate and frame size.
 */

// --- audio -------------------------------------------------------------------------------

/** User audio: PCM16 mono at `sampleRate`. */
export const audioAppendSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("audio-append"),
  audio: pcm16Schema,
  sampleRate: sampleRateSchema,
});

/** Drop the peer's queued playback (the Twilio leg's `clear`). */
export const playbackClearCommandSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("playback-clear"),
});

/** A playback checkpoint: the peer echoes it once the audio sent before it has played. */
export const markSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("mark"),
  name: checked(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.minLength(1)),
});

/**
 * How much of an agent turn the listener actually heard, so the vendor can cut its context to it
 * (OpenAI `conversation.item.truncate`). Dialects that cannot truncate drop it.
 */
export const playbackHeardSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("playback-heard"),
  turnId: checked(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.minLength(1)),
  heardMs: checked(/* @__PURE__ */ z.number(), /* @__PURE__ */ z.nonnegative()),
});

// --- conversation ------------------------------------------------------------------------

/** The user types instead of speaking. */
export const textSendSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("text-send"),
  text: checked(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.minLength(1)),
});

/**
 * A tool call's answer. `output` is what the handler returned (a string is sent as is, anything
 * else as JSON); `isError` marks a failure the agent should hear about. Each dialect adds its
 * vendor's follow-up (OpenAI asks for a new response).
 */
export const toolResultSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("tool-result"),
  callId: checked(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.minLength(1)),
  output: /* @__PURE__ */ z.unknown(),
  isError: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});

/** New session configuration mid-session, where the vendor allows it (OpenAI `session.update`). */
export const sessionUpdateSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-update"),
  agent: agentConfigSchema,
});

// --- telephony ---------------------------------------------------------------------------

/** Forward a keypad digit. */
export const dtmfSendSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("dtmf-send"),
  digit: dtmfDigitSchema,
  durationMs: /* @__PURE__ */ z.optional(checked(/* @__PURE__ */ z.number(), /* @__PURE__ */ z.nonnegative())),
});

// --- session -----------------------------------------------------------------------------

/** End the session from our side (Orbitali `stop`); the socket is closed after it is sent. */
export const sessionStopSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.literal("session-stop"),
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});

export const outboundEventSchema = /* @__PURE__ */ z.discriminatedUnion("type", [
  audioAppendSchema,
  playbackClearCommandSchema,
  markSchema,
  playbackHeardSchema,
  textSendSchema,
  toolResultSchema,
  dtmfSendSchema,
  sessionUpdateSchema,
  sessionStopSchema,
]);

export type OutboundEvent = z.infer<typeof outboundEventSchema>;
export type OutboundEventType = OutboundEvent["type"];
export type OutboundEventOf<T extends OutboundEventType> = Extract<OutboundEvent, { type: T }>;
