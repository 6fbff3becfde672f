// `@voxwire/token-first`: the dialect factory, its options, and the backend token route a page
// needs. The codecs and wire constants are internal; simulators and tests reach them through
// `@voxwire/token-first/testing`.
export type { TokenResponse } from "./bootstrap.js";
export { createTokenRoute, type TokenRouteOptions } from "./server/token-route.js";
export { TOKEN_FIRST_CAPABILITIES, type TokenFirstOptions, tokenFirst } from "./token-first.js";
// The reasons a session-ended event may carry: what an application switches on.
export { SESSION_ENDED_REASONS, type SessionEndedReason } from "./wire.js";
