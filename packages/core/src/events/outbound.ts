import * as z from "zod/mini";
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
  dtmfSendSchema,
  sessionStopSchema,
]);

export type OutboundEvent = z.infer<typeof outboundEventSchema>;
export type OutboundEventType = OutboundEvent["type"];
export type OutboundEventOf<T extends OutboundEventType> = Extract<OutboundEvent, { type: T }>;
