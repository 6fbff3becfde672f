import { z } from "zod";
import { dtmfDigitSchema, pcm16Schema, sampleRateSchema } from "./schema-helpers.js";

/*
 * Outbound events: what the application tells an agent (or a carrier leg).
 * A session converts the application's audio to the wire format before a codec sees it,
 * so `audio-append` reaching a codec is always at the wire rate and frame size.
 */

// --- audio -------------------------------------------------------------------------------

/** User audio: PCM16 mono at `sampleRate`. */
export const audioAppendSchema = z.object({
  type: z.literal("audio-append"),
  audio: pcm16Schema,
  sampleRate: sampleRateSchema,
});

/** Drop the peer's queued playback (the Twilio leg's `clear`). */
export const playbackClearCommandSchema = z.object({
  type: z.literal("playback-clear"),
});

/** A playback checkpoint: the peer echoes it once the audio sent before it has played. */
export const markSchema = z.object({
  type: z.literal("mark"),
  name: z.string().min(1),
});

// --- telephony ---------------------------------------------------------------------------

/** Forward a keypad digit. */
export const dtmfSendSchema = z.object({
  type: z.literal("dtmf-send"),
  digit: dtmfDigitSchema,
  durationMs: z.number().nonnegative().optional(),
});

// --- session -----------------------------------------------------------------------------

/** End the session from our side (Orbitali `stop`); the socket is closed after it is sent. */
export const sessionStopSchema = z.object({
  type: z.literal("session-stop"),
  reason: z.string().optional(),
});

export const outboundEventSchema = z.discriminatedUnion("type", [
  audioAppendSchema,
  playbackClearCommandSchema,
  markSchema,
  dtmfSendSchema,
  sessionStopSchema,
]);

export type OutboundEvent = z.infer<typeof outboundEventSchema>;
export type OutboundEventType = OutboundEvent["type"];
export type OutboundEventOf<T extends OutboundEventType> = Extract<OutboundEvent, { type: T }>;
