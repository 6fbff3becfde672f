import {
  AbortedError,
  BootstrapError,
  type HttpRequestSpec,
  type HttpResponseData,
  NetworkError,
  SecretSet,
  TimeoutError,
  type VoxwireError,
} from "@voxwire/core";

/** Error bodies are cut to this: enough for any vendor's error JSON. */
const MAX_ERROR_BODY_CHARS = 2000;

export interface PerformOptions {
  fetch: typeof fetch;
  signal: AbortSignal | undefined;
  timeoutMs: number;
  dialect: string;
}

/**
 * Performs a request described as data, outside a session (the backend helper). Core's session
 * runtime does the same inside `connect()` but does not export it, so this is the server-side
 * twin: non-2xx → `BootstrapError` with the redacted body, transport failure → `NetworkError`,
 * the deadline → `TimeoutError`, the caller's signal → `AbortedError`; no secret in any message.
 */
export async function performRequest(request: HttpRequestSpec, options: PerformOptions): Promise<HttpResponseData> {
  const { dialect } = options;
  const secrets = new SecretSet().add(...request.secrets);
  const where = `${request.method} ${secrets.redact(request.url)}`;
  if (options.signal?.aborted) throw new AbortedError(`aborted before ${where}`, { dialect });

  const inner = new AbortController();
  let failure: VoxwireError | undefined;
  const stop = (error: VoxwireError) => {
    failure ??= error;
    inner.abort(error);
  };
  const onAbort = () => stop(new AbortedError(`aborted during ${where}`, { dialect }));
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(() => stop(new TimeoutError(`${where} took longer than ${options.timeoutMs} ms`, { dialect })), options.timeoutMs);
  try {
    let response: Response;
    try {
      const init: RequestInit = { method: request.method, headers: { ...request.headers }, signal: inner.signal };
      if (request.body !== undefined) init.body = request.body;
      // Called unbound: a browser's fetch throws "Illegal invocation" when `this` is not the window.
      const fetchImpl = options.fetch;
      response = await fetchImpl(request.url, init);
    } catch (error) {
      if (failure) throw failure;
      const why = error instanceof Error ? error.message : String(error);
      throw new NetworkError(`${where} failed: ${secrets.redact(why)}`, { dialect });
    }
    const body = await response.text().catch(() => "");
    if (failure) throw failure;
    const ok = request.okStatuses ? request.okStatuses.includes(response.status) : response.status >= 200 && response.status < 300;
    if (!ok) {
      const safeBody = secrets.redact(body).slice(0, MAX_ERROR_BODY_CHARS);
      throw new BootstrapError(`${where} answered HTTP ${response.status}: ${safeBody}`, response.status, safeBody, { dialect });
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    return { status: response.status, headers, body };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
