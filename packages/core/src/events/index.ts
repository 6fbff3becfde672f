export * from "./inbound.js";
export * from "./outbound.js";
export * from "./audio-format.js";
export { dtmfDigitSchema, pcm16Schema, rawFrameSchema, sampleRateSchema, transcriptRoleSchema } from "./schema-helpers.js";
