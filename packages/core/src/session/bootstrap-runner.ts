import type { HttpRequestSpec, HttpResponseData } from "../dialect/current.js";
import { BootstrapError } from "../errors/bootstrap-error.js";
import { NetworkError, ProtocolError } from "../errors/error-classes.js";
import { redactThenCut, type SecretSet } from "../secrets/redact.js";
import { withDeadline } from "./abort.js";
import { DEFAULT_MAX_BODY_BYTES, readResponseText } from "./read-body.js";
import { safeCause } from "./safe-cause.js";

// Its home moved to guard-dialect-call.ts (connect needs it without the bootstrap code).
export { guardDialectCall } from "./guard-dialect-call.js";

/** Bodies longer than this are cut in errors: enough for any vendor's error JSON. */
const MAX_ERROR_BODY_CHARS = 2000;
/** An error body is read this far, redacted, then cut (a secret cut by the read is cut away too). */
const MAX_ERROR_BODY_READ = 64 * 1024;
/** Same-origin redirects followed for a request that carries a credential. */
const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface BootstrapContext {
  fetch: typeof fetch;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  secrets: SecretSet;
  dialect: string;
  /** A success body past this is refused (`body_too_large`). Default 1 MiB. */
  maxBodyBytes?: number;
}

/** The implementation of `runBootstrap` (run-bootstrap.ts, which loads this module when first called). */
export async function runBootstrap(request: HttpRequestSpec, context: BootstrapContext): Promise<HttpResponseData> {
  const { secrets, dialect } = context;
  secrets.add(...request.secrets);
  const where = `${request.method} ${secrets.redact(request.url)}`;
  const maxBodyBytes = context.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  // fetch would re-send every header but Authorization to wherever a 3xx points.
  const guardRedirects = request.secrets.length > 0 || Object.keys(request.headers).length > 0;
  return withDeadline(
    async (signal) => {
      let response: Response;
      let url = request.url;
      let method: string = request.method;
      let body = request.body;
      for (let hop = 0; ; hop++) {
        try {
          const init: RequestInit = { method, headers: { ...request.headers }, signal };
          if (body !== undefined) init.body = body;
          if (guardRedirects) init.redirect = "manual";
          // Called unbound: browsers throw "Illegal invocation" when fetch's `this` is not the window.
          const fetchImpl = context.fetch;
          response = await fetchImpl(url, init);
        } catch (error) {
          if (signal.aborted) throw error;
          const why = error instanceof Error ? error.message : String(error);
          throw new NetworkError(`bootstrap ${where} failed: ${secrets.redact(why)}`, {
            dialect,
            cause: safeCause(error, (text) => secrets.redact(text)),
          });
        }
        const redirected = response.type === "opaqueredirect" || REDIRECT_STATUSES.has(response.status);
        if (!guardRedirects || !redirected || request.okStatuses?.includes(response.status)) break;
        response.body?.cancel().catch(() => {});
        const next = redirectTarget(response, url);
        const refuse = (why: string, vendorCode: string) =>
          new BootstrapError(`bootstrap ${where} answered HTTP ${response.status}: ${why}`, response.status, "", {
            dialect,
            vendorCode,
            retryable: false,
          });
        if (!next) throw refuse("a redirect whose target cannot be checked; a credential never follows it", "unchecked_redirect");
        if (next.origin !== new URL(url).origin) {
          throw refuse(
            `a redirect to another origin (${secrets.redact(next.origin)}); a credential never follows a cross-origin redirect`,
            "cross_origin_redirect",
          );
        }
        if (hop >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} redirects`, "too_many_redirects");
        // What fetch does: 303 (and 301/302 after a POST) turn into a GET without a body.
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
        }
        url = next.href;
      }
      const ok = request.okStatuses ? request.okStatuses.includes(response.status) : response.status >= 200 && response.status < 300;
      if (!ok) {
        const read = await readResponseText(response, MAX_ERROR_BODY_READ).catch(() => ({ text: "", truncated: false }));
        const safeBody = redactThenCut(read.text, MAX_ERROR_BODY_CHARS, (text) => secrets.redact(text));
        throw new BootstrapError(`bootstrap ${where} answered HTTP ${response.status}: ${safeBody}`, response.status, safeBody, { dialect });
      }
      const read = await readResponseText(response, maxBodyBytes);
      if (read.truncated) {
        // Never quoted: a body that large is no vendor's answer, and it may still hold a token.
        throw new ProtocolError(`bootstrap ${where} answered a body over ${maxBodyBytes} bytes; it was not read further`, {
          dialect,
          fatal: true,
          vendorCode: "body_too_large",
        });
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value;
      });
      return { status: response.status, headers, body: read.text };
    },
    { signal: context.signal, timeoutMs: context.timeoutMs, dialect, step: `bootstrap ${where}` },
  );
}

/** Where a redirect points, resolved against the URL that answered; undefined when hidden or malformed. */
function redirectTarget(response: Response, from: string): URL | undefined {
  const location = response.headers.get("location");
  if (!location) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}
