// `@voxwire/deepgram`: the dialect factory and its options, the `Settings` escape hatch's types,
// and the server helpers for browsers (mint a short-lived token, or serve the route that mints
// one). The wire constants and the codecs are internal; simulators and tests reach them through
// `@voxwire/deepgram/testing`.
export type { DeepgramGrant, GrantRequestOptions } from "./bootstrap.js";
export { DEEPGRAM_CAPABILITIES, type DeepgramOptions, type DeepgramSessionOptions, deepgram } from "./deepgram.js";
export { type GrantDeepgramTokenOptions, grantDeepgramToken } from "./server/grant-token.js";
export { createDeepgramTokenRoute, type DeepgramTokenRouteOptions } from "./server/token-route.js";
export type {
  DeepgramAgentSettings,
  DeepgramFunction,
  DeepgramProvider,
  DeepgramSettingsOverrides,
  DeepgramSpeakSettings,
  DeepgramThinkSettings,
} from "./settings.js";
