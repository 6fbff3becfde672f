import { ConfigError, detectRuntime, type RuntimeKind, refuseSecretKeyInBrowser, runBootstrap, SecretSet } from "@voxwire/core";
import { bootstrapRequest, type OrbitaliSession, type RealtimeSessionRequestOptions, readBootstrapAnswer, SERVER_SIDE_ADVICE } from "../bootstrap.js";
import { DIALECT_NAME, ORBITALI_LIVE_KEY_PREFIX } from "../wire.js";

const DEFAULT_TIMEOUT_MS = 10_000;

export interface CreateOrbitaliSessionOptions extends RealtimeSessionRequestOptions {
  /** fetch to use. Default: the global fetch. */
  fetch?: typeof fetch;
  /** Cancels the call (`AbortedError`). */
  signal?: AbortSignal;
  /** Deadline for the call (`TimeoutError`). Default 10 000 ms. */
  timeoutMs?: number;
  /** Overrides runtime detection (tests). */
  runtime?: RuntimeKind;
}

/**
 * Server side: asks Orbitali for a realtime session with the permanent key and returns
 * `{ token, expiresAt, websocketUrl, protocol }` for the browser. Typed failures: `ConfigError`
 * (bad options, or an `orb_live_` key in a browser), `BootstrapError` (non-2xx, redacted body),
 * `ProtocolError` (a malformed answer), `NetworkError`, `TimeoutError`, `AbortedError`.
 */
export async function createOrbitaliSession(options: CreateOrbitaliSessionOptions): Promise<OrbitaliSession> {
  const request = bootstrapRequest(options);
  refuseSecretKeyInBrowser({ runtime: options.runtime ?? detectRuntime(), now: Date.now() }, options.apiKey, {
    dialect: DIALECT_NAME,
    secretPrefixes: [ORBITALI_LIVE_KEY_PREFIX],
    advice: SERVER_SIDE_ADVICE,
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
  return readBootstrapAnswer(response);
}
