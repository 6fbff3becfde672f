// `@voxwire/deepgram/testing`: the simulator's vendor front and the conformance subject, the
// codecs, the Settings mapping and the wire constants, for tests and the CLI.
export { type DeepgramGrant, type GrantRequestOptions, grantRequest, readGrant, routeRequest } from "../bootstrap.js";
export { createDeepgramCodec, type DeepgramCodecConfig } from "../client-codec.js";
export { DEEPGRAM_CLOSE_RULES, DEEPGRAM_HTTP_RULES, errCodeOf } from "../close-rules.js";
export { vendorError, warningDebug } from "../errors.js";
export { readCancelledCalls, readFunctionCalls, toolResultContent } from "../functions.js";
export { createDeepgramPeerCodec } from "../peer-codec.js";
export {
  agentObject,
  type DeepgramAgentSettings,
  type DeepgramFunction,
  type DeepgramProvider,
  type DeepgramSettingsOverrides,
  type DeepgramSpeakSettings,
  type DeepgramThinkSettings,
  merge,
  readAgentConfig,
  type SettingsAudio,
  type SettingsJson,
  settingsMessage,
} from "../settings.js";
export { readConversationText } from "../transcript.js";
export { updateFrames } from "../updates.js";
export { isSubprotocolSafe } from "../validate.js";
export * from "../wire.js";
export { DEEPGRAM_FRONT_ERROR_CLOSE, DEFAULT_IDLE_TIMEOUT_MS, type DeepgramFrontOptions, deepgramFront } from "./front.js";
export { deepgramSubject } from "./subject.js";
