import { BootstrapError } from "../errors/bootstrap-error.js";
import { VoxwireError } from "../errors/voxwire-error.js";
import { withDeadline } from "../session/abort.js";
import type { Logger } from "../session/logger.js";

/** How long a mint may take before the route answers 504 and aborts it. */
const DEFAULT_MINT_TIMEOUT_MS = 10_000;

export interface CredentialRouteOptions {
  /**
   * Mints what the browser needs (a short-lived token and its socket URL) with the server-side
   * secret. Throwing a `BootstrapError` passes the vendor's status through. `signal` fires when
   * the browser goes away or `timeoutMs` passes: pass it to fetch, and read the vendor's answer
   * with `readResponseText` (capped), not `response.text()`.
   */
  mint(signal: AbortSignal): Promise<unknown>;
  /**
   * A mint that has not answered by then is aborted and the route answers 504 `timeout`, so a
   * vendor that never finishes its body cannot hold the route. Default 10 000 ms.
   */
  timeoutMs?: number;
  /** Origins allowed to call the route cross-origin (`*` for any). Default: same origin only. */
  allowOrigins?: readonly string[];
  /**
   * Decides whether this caller may have a credential: check the application's own session
   * cookie, user token or CSRF header. Gets the fetch `Request` (`.fetch`) or the node request
   * (`.node`). `false` answers 401 `{ code: "unauthorized" }` and nothing is minted; a throw
   * answers 500. **Required in production**: without it, anyone who can reach the route spends
   * the application's vendor account. `"public"` says on purpose that anyone may (a demo, a
   * route behind its own gateway); leaving it out works the same but warns once at creation.
   */
  authorize?: ((request: Request | NodeRequestLike) => boolean | Promise<boolean>) | "public";
  /**
   * Gets every failure in full (the vendor's status and message, already redacted by the mint)
   * for the server's own logs: the page only ever sees a generic status and code.
   */
  onError?: (error: unknown) => void;
  /** Where the missing-`authorize` warning and failures go. Default: the warning to console.warn, failures nowhere. */
  logger?: Logger;
}

/** A minimal view of node:http's request/response, so this module needs no Node types. */
export interface NodeRequestLike {
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: "close", listener: () => void): unknown;
}
export interface NodeResponseLike {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}

export interface CredentialRoute {
  /** For fetch-style servers: Next.js route handlers, Hono, Deno, Bun, Workers. */
  fetch(request: Request): Promise<Response>;
  /** For node:http, Express, Fastify's raw handlers. */
  node(request: NodeRequestLike, response: NodeResponseLike): Promise<void>;
}

/** What the page hears about a failure: a fixed status, code and text, never the vendor's. */
const REFUSED = { status: 502, error: "the credential service refused the request", code: "upstream_refused" };
const TIMED_OUT = { status: 504, error: "the credential service did not answer in time", code: "timeout" };
const FAILED = { status: 502, error: "could not mint a session credential", code: "upstream_failed" };
const INTERNAL = { status: 500, error: "could not mint a session credential", code: "internal_error" };
/** Codes that mean the vendor said no; its 401 is about the server's own key, not the page's caller. */
const REFUSAL_CODES = new Set(["bootstrap_failed", "auth_failed", "missing_scope", "invalid_request", "concurrency_limit", "token_expired"]);
/** Codes the page may see as they are: they name a class of failure, nothing of the vendor's. */
const GENERIC_CODES = new Set(["network", "protocol_violation", "server_error"]);

/**
 * The backend route the vendor documents show: the browser POSTs to the application, the
 * application checks the caller (`authorize`), mints a short-lived credential with its permanent
 * key and returns it. Failures answer the page `{ error, code }` with a generic status: 401
 * `unauthorized`, 502 `upstream_refused` for any vendor refusal (a vendor 401 is about the
 * server's key, not the caller), 504 `timeout`, 502 for other upstream failures, 500
 * `internal_error`; never the vendor's message, status or URL. The detail goes to `onError`.
 */
export function createCredentialRoute(options: CredentialRouteOptions): CredentialRoute {
  const authorize = options.authorize;
  if (authorize === undefined) {
    const warning =
      "voxwire: a credential route was created without an authorize hook: anyone who can reach it mints a vendor credential on your account. " +
      'Pass authorize(request) (required in production), or authorize: "public" if that is intended.';
    if (options.logger) options.logger.warn(warning);
    else console.warn(warning);
  }
  const report = (error: unknown) => {
    try {
      options.onError?.(error);
    } catch {
      // a reporting hook must not change the answer
    }
    if (options.logger) options.logger.error(`credential route: ${error instanceof Error ? error.message : "a non-error was thrown"}`);
  };
  const fail = (answer: { status: number; error: string; code: string }, cors: Record<string, string>) =>
    json(answer.status, { error: answer.error, code: answer.code }, cors);
  const handle = async (method: string, origin: string | undefined, signal: AbortSignal, request: Request | NodeRequestLike) => {
    const cors = corsHeaders(origin, options.allowOrigins);
    if (method === "OPTIONS")
      return {
        status: 204,
        headers: { ...cors, "access-control-allow-methods": "POST, OPTIONS", "access-control-allow-headers": "content-type, authorization" },
        body: "",
      };
    if (method !== "POST") return json(405, { error: "use POST", code: "method_not_allowed" }, { ...cors, allow: "POST, OPTIONS" });
    if (typeof authorize === "function") {
      let allowed: boolean;
      try {
        allowed = (await authorize(request)) === true;
      } catch (error) {
        report(error);
        return fail(INTERNAL, cors);
      }
      if (!allowed) return json(401, { error: "not authorized to get a session credential", code: "unauthorized" }, cors);
    }
    try {
      const minted = await withDeadline((inner) => options.mint(inner), {
        signal,
        timeoutMs: options.timeoutMs ?? DEFAULT_MINT_TIMEOUT_MS,
        dialect: "",
        step: "minting a session credential",
      });
      return json(200, minted, cors);
    } catch (error) {
      report(error);
      if (!VoxwireError.isInstance(error)) return fail(INTERNAL, cors);
      if (error.code === "timeout") return fail(TIMED_OUT, cors);
      if (error instanceof BootstrapError || "status" in error || REFUSAL_CODES.has(error.code)) return fail(REFUSED, cors);
      if (GENERIC_CODES.has(error.code)) return fail({ ...FAILED, code: error.code }, cors);
      return fail(FAILED, cors);
    }
  };
  return {
    async fetch(request) {
      const answer = await handle(request.method, request.headers.get("origin") ?? undefined, request.signal, request);
      return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers });
    },
    async node(request, response) {
      const controller = new AbortController();
      request.on("close", () => controller.abort());
      const origin = request.headers.origin;
      const answer = await handle(request.method ?? "GET", Array.isArray(origin) ? origin[0] : origin, controller.signal, request);
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    },
  };
}

function json(status: number, body: unknown, headers: Record<string, string>) {
  return { status, headers: { ...headers, "content-type": "application/json", "cache-control": "no-store" }, body: JSON.stringify(body) };
}

function corsHeaders(origin: string | undefined, allow: readonly string[] | undefined): Record<string, string> {
  if (!origin || !allow || allow.length === 0) return {};
  if (allow.includes("*")) return { "access-control-allow-origin": "*" };
  return allow.includes(origin) ? { "access-control-allow-origin": origin, vary: "origin" } : {};
}
