import { BootstrapError } from "../errors/bootstrap-error.js";
import { VoxwireError } from "../errors/voxwire-error.js";

export interface CredentialRouteOptions {
  /**
   * Mints what the browser needs (a short-lived token and its socket URL) with the server-side
   * secret. Throwing a `BootstrapError` passes the vendor's status through.
   */
  mint(signal: AbortSignal): Promise<unknown>;
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
      return json(200, await options.mint(signal), cors);
    } catch (error) {
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
