export type { HttpRequestSpecV2, HttpResponseDataV2, PreparationV2 } from "./bootstrap.js";
export type { DialectCapabilitiesV2, DialectCapabilityV2 } from "./capabilities.js";
export type { DialectCodecV2, KeepaliveV2, PeerCodecV2, PeerDecodedV2 } from "./codec.js";
export type { ConnectPlanV2 } from "./connect-plan.js";
export type { DialectEnvV2, DialectRoleV2, DialectV2, RuntimeKind } from "./dialect.js";
