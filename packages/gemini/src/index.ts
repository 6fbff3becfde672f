// `@voxwire/gemini`: the dialect factory, its options, and the server helper that mints
// ephemeral tokens for browsers. The wire constants and the codecs are internal; simulators and
// tests reach them through `@voxwire/gemini/testing`.
export { GEMINI_CAPABILITIES, type GeminiOptions, type GeminiSessionOptions, gemini } from "./gemini.js";
export type { GeminiResumeState } from "./resumption.js";
export { type GeminiToken, type MintGeminiTokenOptions, mintGeminiToken } from "./server/mint-token.js";
export { createGeminiTokenRoute, type GeminiTokenRouteOptions } from "./server/token-route.js";
export type { GeminiSetup } from "./setup.js";
export type { GeminiApiVersion } from "./wire.js";
