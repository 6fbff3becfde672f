import type { ConnectPlan } from "./connect-plan.js";
import type { DialectEnv } from "./dialect.js";

/** An HTTP request described as data; the session runtime performs it with fetch. */
export interface HttpRequestSpec {
  readonly method: "GET" | "POST";
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The body, already serialized. */
  readonly body?: string;
  /** Statuses that count as success; default: any 2xx. */
  readonly okStatuses?: readonly number[];
  /** Credentials inside this request, redacted from every error and log line. */
  readonly secrets: readonly string[];
}

/** What the runtime hands back to the dialect after a successful bootstrap request. */
export interface HttpResponseData {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * How a dialect gets its connect plan: directly from its options, or from an HTTP call made
 * first. `parse` turns a successful response into the plan; it may throw a `VoxwireError`
 * (a missing field, an already-expired token). Non-success statuses never reach it: the
 * runtime turns them into a `BootstrapError` with the redacted body.
 */
export type Preparation =
  | { readonly kind: "plan"; readonly plan: ConnectPlan }
  | {
      readonly kind: "bootstrap";
      readonly request: HttpRequestSpec;
      parse(response: HttpResponseData, env: DialectEnv): ConnectPlan;
    };
