import * as z from "zod/mini";

/*
 * Bundle size (#18): these schemas are module-level constants, and a bundler keeps any top-level
 * call it cannot prove pure, so an app that uses none of them would still ship every schema and
 * the zod code behind it. Each zod call here and in inbound.ts, outbound.ts and audio-format.ts is
 * marked `@__PURE__` (zod's own `@__NO_SIDE_EFFECTS__` marks are not seen across modules by
 * esbuild), and a refinement goes through `checked` instead of the `.check` method, which no
 * bundler may assume pure. scripts/bundle-size.mjs measures the result.
 */

/** `schema.check(...checks)`, as a call a bundler may drop when its result is unused. */
/* @__NO_SIDE_EFFECTS__ */
export function checked<T extends z.ZodMiniType>(schema: T, ...checks: Parameters<T["check"]>): T {
  return schema.check(...checks);
}

/** The original wire frame an inbound event was decoded from (absent for synthesized events). */
export const rawFrameSchema = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.union([/* @__PURE__ */ z.string(), /* @__PURE__ */ z.custom<Uint8Array>((value) => value instanceof Uint8Array, "a Uint8Array")]),
);

/** PCM16 samples, mono, host order. */
export const pcm16Schema = /* @__PURE__ */ z.custom<Int16Array>((value) => value instanceof Int16Array, "an Int16Array of PCM16 samples");

/** A sample rate in Hz. */
export const sampleRateSchema = checked(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(1000), /* @__PURE__ */ z.maximum(384_000));

/** A keypad digit as carriers and vendors send it: 0-9, *, #, A-D (either case), w/W (a wait). */
const DTMF_DIGIT = /^[0-9*#A-Da-dwW]$/;

/** A keypad digit as carriers and vendors send it. */
export const dtmfDigitSchema = checked(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.regex(DTMF_DIGIT, "a DTMF digit: 0-9, *, #, A-D"));

/**
 * What `dtmfDigitSchema` accepts, without zod: the check the session and the codecs make at run
 * time, so a browser bundle that validates digits does not carry zod for it (#18).
 */
export function isDtmfDigit(value: unknown): value is string {
  return typeof value === "string" && DTMF_DIGIT.test(value);
}

/** Who spoke a transcript. */
export const transcriptRoleSchema = /* @__PURE__ */ z.enum(["user", "agent"]);
