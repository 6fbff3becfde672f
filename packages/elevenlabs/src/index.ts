// `@voxwire/elevenlabs`: the dialect factory, its options, and the backend route a page needs for a
// private agent. The codecs and wire constants are internal; simulators and tests reach them
// through `@voxwire/elevenlabs/testing`.
export { ELEVENLABS_CAPABILITIES, type ElevenlabsOptions, type ElevenlabsSessionOptions, elevenlabs } from "./elevenlabs.js";
export { createSignedUrlRoute, type SignedUrlRouteOptions } from "./server/signed-url-route.js";
export { ELEVENLABS_AUDIO_FORMATS, type ElevenlabsAudioFormat, type ElevenlabsConfigOverride, type ElevenlabsInitiation } from "./wire.js";
