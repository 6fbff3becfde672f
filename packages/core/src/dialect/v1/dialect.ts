import type { Preparation } from "./bootstrap.js";
import type { DialectCapabilities } from "./capabilities.js";
import type { DialectCodec, PeerCodec } from "./codec.js";
import type { ConnectPlan } from "./connect-plan.js";

/** Where the session runs, as far as a dialect needs to know (e.g. to refuse a secret key in a browser). */
export type RuntimeKind = "node" | "browser" | "worker" | "deno" | "bun" | "unknown";

/** Facts about the caller's environment, handed to a dialect because a dialect may not read globals. */
export interface DialectEnv {
  /** The runtime the session runs in (detected by `connect()`, or its `runtime` option), so the dialect reads no globals. */
  readonly runtime: RuntimeKind;
  /** The current time, epoch ms. */
  readonly now: number;
}

/** `client`: we dial the vendor. `server`: the vendor (or a carrier) dials us. */
export type DialectRole = "client" | "server";

/**
 * Version 1 of the dialect spec: a pure description of one vendor's WebSocket dialect.
 * A dialect is made by a factory from options (`omni({ agentId, apiKey, rate })`), holds no
 * connection state itself, and does no I/O: the session runtime does that.
 */
export interface DialectV1 {
  /** The spec version this object implements. */
  readonly specVersion: 1;
  /** Short stable name (`omni`, `token-first`, `twilio`): log namespace, error prefix, CLI argument. */
  readonly name: string;
  /** Who dials whom. */
  readonly role: DialectRole;
  /** What the dialect can carry. */
  readonly capabilities: DialectCapabilities;
  /**
   * Returns how to get the connect plan, or throws a `ConfigError` when the options cannot work
   * in this environment (a secret key in a browser). Options that can never work are refused
   * by the factory itself.
   */
  prepare(env: DialectEnv): Preparation;
  /** A fresh codec for one connection on the application's side. */
  createCodec(plan: ConnectPlan): DialectCodec;
  /** A fresh codec for one connection on the vendor's side (simulators, conformance). */
  createPeerCodec?(plan: ConnectPlan): PeerCodec;
}

/** The current dialect spec. */
export type Dialect = DialectV1;
