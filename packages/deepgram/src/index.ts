// `@voxwire/deepgram`: the dialect factory and its options. The wire constants and the codecs are
// internal; simulators and tests reach them through `@voxwire/deepgram/testing`.
export { DEEPGRAM_CAPABILITIES, type DeepgramOptions, deepgram } from "./deepgram.js";
