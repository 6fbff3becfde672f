// `@voxwire/orbitali`: the dialect factory, its options, and the server helpers of the two-step
// flow (mint a session, or serve the route that mints it). The codecs and wire constants are
// internal; simulators and tests reach them through `@voxwire/orbitali/testing`.
export type { OrbitaliAudioFormat, OrbitaliSession, RealtimeSessionRequestOptions } from "./bootstrap.js";
export { ORBITALI_CAPABILITIES, type OrbitaliOptions, orbitali } from "./orbitali.js";
export { type CreateOrbitaliSessionOptions, createOrbitaliSession } from "./server/create-session.js";
export { createOrbitaliSessionRoute, type OrbitaliSessionRouteOptions } from "./server/session-route.js";
