// `@voxwire/gemini`: the dialect factory and its options. The wire constants and the codecs are
// internal; simulators and tests reach them through `@voxwire/gemini/testing`.
export { GEMINI_CAPABILITIES, type GeminiOptions, gemini } from "./gemini.js";
