import type {
  ConnectPlanV2,
  DialectCapabilitiesV2,
  DialectCapabilityV2,
  DialectCodecV2,
  DialectEnvV2,
  DialectRoleV2,
  DialectV2,
  HttpRequestSpecV2,
  HttpResponseDataV2,
  KeepaliveV2,
  PeerCodecV2,
  PeerDecodedV2,
  PreparationV2,
  RuntimeKind,
} from "./v2/index.js";

export type { RuntimeKind };

/*
 * The current dialect spec under unversioned names, for adapters and applications. A future
 * version moves these aliases; code that must pin a version imports the `…V2` names.
 */

/** The current dialect spec (version 2). */
export type Dialect = DialectV2;
export type DialectCodec = DialectCodecV2;
export type PeerCodec = PeerCodecV2;
export type PeerDecoded = PeerDecodedV2;
export type ConnectPlan = ConnectPlanV2;
export type DialectEnv = DialectEnvV2;
export type DialectRole = DialectRoleV2;
export type DialectCapabilities = DialectCapabilitiesV2;
export type DialectCapability = DialectCapabilityV2;
export type Preparation = PreparationV2;
export type HttpRequestSpec = HttpRequestSpecV2;
export type HttpResponseData = HttpResponseDataV2;
export type Keepalive = KeepaliveV2;
