import { BootstrapError } from "../errors/bootstrap-error.js";
import { VoxwireError } from "../errors/voxwire-error.js";
import { withDeadline } from "../session/abort.js";

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

/**
 * The backend route the vendor documents show: the browser POSTs to the application, the
 * application mints a short-lived credential with its permanent key and returns it. Errors go
 * back as `{ error, code }` with the vendor's status (or 502), never with a secret or a stack.
 */
export function createCredentialRoute(options: CredentialRouteOptions): CredentialRoute {
  const handle = async (method: string, origin: string | undefined, signal: AbortSignal) => {
    const cors = corsHeaders(origin, options.allowOrigins);
    if (method === "OPTIONS")
      return {
        status: 204,
        headers: { ...cors, "access-control-allow-methods": "POST, OPTIONS", "access-control-allow-headers": "content-type, authorization" },
        body: "",
      };
    if (method !== "POST") return json(405, { error: "use POST", code: "method_not_allowed" }, { ...cors, allow: "POST, OPTIONS" });
    try {
      const minted = await withDeadline((inner) => options.mint(inner), {
        signal,
        timeoutMs: options.timeoutMs ?? DEFAULT_MINT_TIMEOUT_MS,
        dialect: "",
        step: "minting a session credential",
      });
      return json(200, minted, cors);
    } catch (error) {
      if (VoxwireError.isInstance(error) && error.code === "timeout") return json(504, { error: error.message, code: error.code }, cors);
      if (error instanceof BootstrapError || (VoxwireError.isInstance(error) && "status" in error)) {
        const status = (error as BootstrapError).status;
        return json(status >= 400 && status < 600 ? status : 502, { error: error.message, code: error.code }, cors);
      }
      if (VoxwireError.isInstance(error)) return json(502, { error: error.message, code: error.code }, cors);
      return json(500, { error: "could not mint a session credential", code: "internal_error" }, cors);
    }
  };
  return {
    async fetch(request) {
      const answer = await handle(request.method, request.headers.get("origin") ?? undefined, request.signal);
      return new Response(answer.status === 204 ? null : answer.body, { status: answer.status, headers: answer.headers });
    },
    async node(request, response) {
      const controller = new AbortController();
      request.on("close", () => controller.abort());
      const origin = request.headers.origin;
      const answer = await handle(request.method ?? "GET", Array.isArray(origin) ? origin[0] : origin, controller.signal);
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
