import { z } from "zod";

/** The original wire frame an inbound event was decoded from (absent for synthesized events). */
export const rawFrameSchema = z.union([z.string(), z.custom<Uint8Array>((value) => value instanceof Uint8Array, "a Uint8Array")]).optional();

/** PCM16 samples, mono, host order. */
export const pcm16Schema = z.custom<Int16Array>((value) => value instanceof Int16Array, "an Int16Array of PCM16 samples");

/** A sample rate in Hz. */
export const sampleRateSchema = z.number().int().min(1000).max(384_000);

/** A keypad digit as carriers and vendors send it. */
export const dtmfDigitSchema = z.string().regex(/^[0-9*#A-Da-dwW]$/, "a DTMF digit: 0-9, *, #, A-D");

/** Who spoke a transcript. */
export const transcriptRoleSchema = z.enum(["user", "agent"]);
