import type { HttpRequestSpec, HttpResponseData } from "../dialect/v1/bootstrap.js";
import { BootstrapError } from "../errors/bootstrap-error.js";
import { NetworkError } from "../errors/error-classes.js";
import { VoxwireError } from "../errors/voxwire-error.js";
import type { SecretSet } from "../secrets/redact.js";
import { withDeadline } from "./abort.js";

/** Bodies longer than this are cut in errors: enough for any vendor's error JSON. */
const MAX_ERROR_BODY_CHARS = 2000;

export interface BootstrapContext {
  fetch: typeof fetch;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  secrets: SecretSet;
  dialect: string;
}

/**
 * Performs a dialect's bootstrap request. Non-success statuses become a `BootstrapError` with
 * the status and the redacted body; transport failures a `NetworkError`; the deadline a
 * `TimeoutError`; the caller's signal an `AbortedError`. No secret reaches any message.
 */
export async function runBootstrap(request: HttpRequestSpec, context: BootstrapContext): Promise<HttpResponseData> {
  const { secrets, dialect } = context;
  secrets.add(...request.secrets);
  const where = `${request.method} ${secrets.redact(request.url)}`;
  return withDeadline(
    async (signal) => {
      let response: Response;
      try {
        const init: RequestInit = { method: request.method, headers: { ...request.headers }, signal };
        if (request.body !== undefined) init.body = request.body;
        // Called unbound: browsers throw "Illegal invocation" when fetch's `this` is not the window.
        const fetchImpl = context.fetch;
        response = await fetchImpl(request.url, init);
      } catch (error) {
        if (signal.aborted) throw error;
        const why = error instanceof Error ? error.message : String(error);
        throw new NetworkError(`bootstrap ${where} failed: ${secrets.redact(why)}`, { dialect });
      }
      const body = await response.text().catch(() => "");
      const ok = request.okStatuses ? request.okStatuses.includes(response.status) : response.status >= 200 && response.status < 300;
      if (!ok) {
        const safeBody = secrets.redact(body).slice(0, MAX_ERROR_BODY_CHARS);
        throw new BootstrapError(`bootstrap ${where} answered HTTP ${response.status}: ${safeBody}`, response.status, safeBody, { dialect });
      }
      const headers: Record<string, string> = {};
      response.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value;
      });
      return { status: response.status, headers, body };
    },
    { signal: context.signal, timeoutMs: context.timeoutMs, dialect, step: `bootstrap ${where}` },
  );
}

/** Runs a dialect callback that may throw; anything that is not a VoxwireError is wrapped, redacted. */
export function guardDialectCall<T>(run: () => T, context: { secrets: SecretSet; dialect: string; step: string }): T {
  try {
    return run();
  } catch (error) {
    if (VoxwireError.isInstance(error)) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new VoxwireError(`${context.step} failed: ${context.secrets.redact(why)}`, {
      code: "dialect_error",
      dialect: context.dialect,
      cause: error,
    });
  }
}
