import * as z from "zod/mini";
import { checked, sampleRateSchema } from "./schema-helpers.js";

/** How samples are encoded on a wire. */
export const audioEncodingSchema = /* @__PURE__ */ z.enum(["pcm16", "mulaw", "alaw"]);
export type AudioEncoding = z.infer<typeof audioEncodingSchema>;

/** The audio format of one direction of a wire: encoding, rate and the frame length the peer expects. */
export const wireAudioFormatSchema = /* @__PURE__ */ z.object({
  encoding: audioEncodingSchema,
  sampleRate: sampleRateSchema,
  /** Frame duration the peer expects, in ms (omitted when the peer accepts any size). */
  frameMs: /* @__PURE__ */ z.optional(checked(/* @__PURE__ */ z.number(), /* @__PURE__ */ z.positive())),
});
export type WireAudioFormat = z.infer<typeof wireAudioFormatSchema>;

/**
 * The audio an application hands to or gets from a session: mono PCM at a rate it chooses.
 * A session accepts Int16Array or Float32Array ([-1, 1]) and delivers Int16Array.
 */
export const appAudioFormatSchema = /* @__PURE__ */ z.object({
  sampleRate: sampleRateSchema,
  /** Frame duration of the audio delivered to the application, in ms; omitted = as it arrives. */
  frameMs: /* @__PURE__ */ z.optional(checked(/* @__PURE__ */ z.number(), /* @__PURE__ */ z.positive())),
});
export type AppAudioFormat = z.infer<typeof appAudioFormatSchema>;
