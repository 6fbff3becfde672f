import { ConfigError, httpError, NetworkError, SecretSet, TimeoutError } from "@voxwire/core";

/** How a carrier's REST call is made: transport knobs every leg's call-control options share. */
export interface RestTransport {
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default 10 000 ms. */
  timeoutMs?: number;
}

export interface RestRequest extends RestTransport {
  /** The carrier leg's name, for errors. */
  dialect: string;
  /** Who is called, for errors ("Telnyx's REST API"). */
  service: string;
  method: "POST" | "PUT" | "DELETE";
  url: string;
  headers: Readonly<Record<string, string>>;
  body?: string;
  /** Every credential the request carries (tokens, the Authorization value): redacted from every error. */
  secrets: readonly string[];
}

/**
 * One call-control request to a carrier's REST API. A non-2xx answer, a timeout or an unreachable
 * host becomes a typed error whose text never holds a credential (redacted, then cut).
 */
export async function restCall(request: RestRequest): Promise<void> {
  const secrets = new SecretSet();
  for (const secret of request.secrets) if (secret) secrets.add(secret);
  const fetchImpl = request.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function")
    throw new ConfigError(`no fetch available for ${request.service}: pass \`fetch\``, { dialect: request.dialect });
  const controller = new AbortController();
  const timeoutMs = request.timeoutMs ?? 10_000;
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
      signal: controller.signal,
    });
  } catch (error) {
    const why = secrets.redact(error instanceof Error ? error.message : String(error));
    if (controller.signal.aborted) throw new TimeoutError(`${request.service} did not answer in ${timeoutMs} ms`, { dialect: request.dialect });
    throw new NetworkError(`${request.service} could not be reached: ${why}`, { dialect: request.dialect });
  } finally {
    clearTimeout(timer);
  }
  const body = await response.text().catch(() => "");
  if (!response.ok) throw httpError(response.status, `call control refused: ${secrets.redact(body).slice(0, 2000)}`, request.dialect);
}
