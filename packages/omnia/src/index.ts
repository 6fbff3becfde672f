// `@voxwire/omnia`: the dialect factories (Omnia Voice, and its Ultravox preset) and what their
// options need. The codecs and wire messages are internal; simulators and tests reach them
// through `@voxwire/omnia/testing`.
export { OMNIA_CAPABILITIES, type OmniaCreateOptions, type OmniaJoinOptions, type OmniaOptions, omnia } from "./omnia.js";
export { type UltravoxCreateOptions, type UltravoxJoinOptions, type UltravoxOptions, ultravox } from "./ultravox.js";
export { type CallBodyShape, type CallCreatePreset, OMNIA_PRESET, type PresetCapabilities, ULTRAVOX_PRESET } from "./wire.js";
