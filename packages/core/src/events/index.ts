export * from "./agent-config.js";
export * from "./audio-format.js";
export * from "./inbound.js";
export * from "./outbound.js";
export { dtmfDigitSchema, isDtmfDigit, pcm16Schema, rawFrameSchema, sampleRateSchema, transcriptRoleSchema } from "./schema-helpers.js";
export { isBinaryFrame, type WireFrame } from "./wire-frame.js";
