// `@voxwire/openai`: the dialect factory and its options. The wire constants and the codecs are
// internal; simulators and tests reach them through `@voxwire/openai/testing`.
export { OPENAI_CAPABILITIES, type OpenaiOptions, type OpenaiSessionOptions, openai } from "./openai.js";
export type { OpenaiSessionFields } from "./session-config.js";
export type { OpenaiAudio } from "./wire.js";
