import type { AgentConfig } from "../../events/agent-config.js";
import type { PreparationV2 } from "./bootstrap.js";
import type { DialectCapabilitiesV2 } from "./capabilities.js";
import type { DialectCodecV2, PeerCodecV2 } from "./codec.js";
import type { ConnectPlanV2 } from "./connect-plan.js";

/** Where the session runs, as far as a dialect needs to know (e.g. to refuse a secret key in a browser). */
export type RuntimeKind = "node" | "browser" | "worker" | "deno" | "bun" | "unknown";

/** Facts about the caller's environment and request, handed to a dialect because a dialect may not read globals. */
export interface DialectEnvV2 {
  /** The runtime the session runs in (detected by `connect()`, or its `runtime` option), so the dialect reads no globals. */
  readonly runtime: RuntimeKind;
  /** The current time, epoch ms. */
  readonly now: number;
  /** The normalized session configuration from `connect(dialect, { agent })`, for dialects with `sessionConfig`. */
  readonly agent?: AgentConfig;
  /** On a reconnect, what the previous connection's codec returned from `resumeState()`. */
  readonly resume?: unknown;
}

/** `client`: we dial the vendor. `server`: the vendor (or a carrier) dials us. */
export type DialectRoleV2 = "client" | "server";

/**
 * Version 2 of the dialect spec: a pure description of one vendor's WebSocket dialect.
 * A dialect is made by a factory from options (`omni({ agentId, apiKey, rate })`), holds no
 * connection state itself, and does no I/O: the session runtime does that.
 * Version 2 adds session configuration, opening frames, replies, keepalives and resumption
 * (docs/decisions/0009-dialect-spec-v2.md).
 */
export interface DialectV2 {
  /** The spec version this object implements. */
  readonly specVersion: 2;
  /** Short stable name (`omni`, `token-first`, `twilio`): log namespace, error prefix, CLI argument. */
  readonly name: string;
  /** Who dials whom. */
  readonly role: DialectRoleV2;
  /** What the dialect can carry. */
  readonly capabilities: DialectCapabilitiesV2;
  /**
   * Returns how to get the connect plan, or throws a `ConfigError` when the options cannot work
   * in this environment (a secret key in a browser). Options that can never work are refused
   * by the factory itself. Called again for every reconnect.
   */
  prepare(env: DialectEnvV2): PreparationV2;
  /** A fresh codec for one connection on the application's side; `env` is the one `prepare` saw. */
  createCodec(plan: ConnectPlanV2, env: DialectEnvV2): DialectCodecV2;
  /** A fresh codec for one connection on the vendor's side (simulators, conformance). */
  createPeerCodec?(plan: ConnectPlanV2): PeerCodecV2;
}
