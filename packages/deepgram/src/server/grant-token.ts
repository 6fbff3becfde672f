import { ConfigError, detectRuntime, type RuntimeKind, refuseSecretKeyInBrowser, runBootstrap, SecretSet } from "@voxwire/core";
import { type DeepgramGrant, type GrantRequestOptions, grantRequest, readGrant } from "../bootstrap.js";
import { DIALECT_NAME } from "../wire.js";

const DEFAULT_TIMEOUT_MS = 10_000;

export interface GrantDeepgramTokenOptions extends GrantRequestOptions {
  /** fetch to use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Cancels the call (`AbortedError`). */
  signal?: AbortSignal | undefined;
  /** Deadline for the call (`TimeoutError`). Default 10 000 ms. */
  timeoutMs?: number;
  /** Overrides runtime detection (tests). */
  runtime?: RuntimeKind;
}

/**
 * Server side: `POST /v1/auth/grant` with the API key, returning `{ access_token, expires_in }`
 * for a page's `deepgram({ accessToken })`. Typed failures: `ConfigError` (bad options, or called
 * in a browser), `BootstrapError` (non-2xx, redacted body), `ProtocolError` (a malformed answer),
 * `NetworkError`, `TimeoutError`, `AbortedError`.
 */
export async function grantDeepgramToken(options: GrantDeepgramTokenOptions): Promise<DeepgramGrant> {
  const request = grantRequest(options);
  refuseSecretKeyInBrowser({ runtime: options.runtime ?? detectRuntime(), now: Date.now() }, options.apiKey, {
    dialect: DIALECT_NAME,
    secretPrefixes: [],
    allKeysSecret: true,
    advice: "Call grantDeepgramToken on your server and hand the page only the token it returns.",
  });
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") throw new ConfigError("no fetch available: pass `fetch`", { dialect: DIALECT_NAME });
  const response = await runBootstrap(request, {
    fetch: fetchImpl,
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    secrets: new SecretSet(),
    dialect: DIALECT_NAME,
  });
  return readGrant(response.body);
}
