import type { ConnectPlanV2 } from "./connect-plan.js";
import type { DialectEnvV2 } from "./dialect.js";

/** An HTTP request described as data; the session runtime performs it with fetch. */
export interface HttpRequestSpecV2 {
  /** The HTTP method: a bootstrap call fetches a token or creates a call, so the spec has only these two. */
  readonly method: "GET" | "POST";
  /** The absolute URL to call, as given to fetch; it is redacted with `secrets` before it appears in an error. */
  readonly url: string;
  /** Request headers (auth, content type), sent as given; values holding a credential belong in `secrets` too. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, already serialized. */
  readonly body?: string;
  /** Statuses that count as success; default: any 2xx. */
  readonly okStatuses?: readonly number[];
  /** Credentials inside this request, redacted from every error and log line. */
  readonly secrets: readonly string[];
}

/** What the runtime hands back to the dialect after a successful bootstrap request. */
export interface HttpResponseDataV2 {
  /** The status, always a success: a 2xx, or one of the request's `okStatuses`. */
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as text, not redacted: the dialect needs what it holds (a token, a join URL). */
  readonly body: string;
}

/**
 * How a dialect gets its connect plan: directly from its options, or from an HTTP call made
 * first. `parse` turns a successful response into the plan; it may throw a `VoxwireError`
 * (a missing field, an already-expired token). Non-success statuses never reach it: the
 * runtime turns them into a `BootstrapError` with the redacted body. A reconnect prepares again,
 * so a single-use token is fetched anew.
 */
export type PreparationV2 =
  | {
      /** The plan is known from the options alone: the runtime dials it at once. */
      readonly kind: "plan";
      /** Where and how to dial. */
      readonly plan: ConnectPlanV2;
    }
  | {
      /** The plan needs an HTTP call first (a token, a created call). */
      readonly kind: "bootstrap";
      /** The call the runtime makes, with its deadline, abort signal and redaction. */
      readonly request: HttpRequestSpecV2;
      /** Turns the successful answer into the plan; pure, like the rest of the dialect. */
      parse(response: HttpResponseDataV2, env: DialectEnvV2): ConnectPlanV2;
      /**
       * The vendor's hosts as the dialect knows them from its own options (its base URL, given or
       * default). A socket URL on one of their sites passes the socket-host rule whoever answered
       * the bootstrap: a page's own route on the application's domain may hand over the vendor's
       * socket without `allowedSocketHosts`. Absent: only the bootstrap's own site passes.
       */
      readonly socketHosts?: readonly string[];
    };
