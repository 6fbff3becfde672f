export type { HttpRequestSpec, HttpResponseData, Preparation } from "./bootstrap.js";
export type { DialectCapabilities, DialectCapability } from "./capabilities.js";
export { NO_CAPABILITIES } from "./capabilities.js";
export type { DialectCodec, PeerCodec, PeerDecoded } from "./codec.js";
export type { ConnectPlan } from "./connect-plan.js";
export type { Dialect, DialectEnv, DialectRole, DialectV1, RuntimeKind } from "./dialect.js";
