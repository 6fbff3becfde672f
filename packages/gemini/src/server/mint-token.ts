import {
  BootstrapError,
  ConfigError,
  type HttpRequestSpec,
  isRecord,
  NetworkError,
  ProtocolError,
  readResponseText,
  redact,
  redactThenCut,
  validateBaseUrl,
} from "@voxwire/core";
import { type GeminiSetup, modelResource } from "../setup.js";
import { validateCredential, validateModel, validateSetup } from "../validate.js";
import { DIALECT_NAME, GEMINI_TOKEN_PREFIX } from "../wire.js";

/*
 * Ephemeral tokens for browsers (https://ai.google.dev/gemini-api/docs/ephemeral-tokens; js-genai
 * `Tokens.create`): `POST {base}/v1alpha/auth_tokens` with the API key in `x-goog-api-key`, body
 * `{ uses, expireTime, newSessionExpireTime, bidiGenerateContentSetup? }`, answer an `AuthToken`
 * whose `name` (`auth_tokens/…`) is the token. The service's defaults: one use, 30 minutes for
 * messages, 60 seconds to start a session; resuming a session does not spend a use.
 */

/** The REST origin tokens are minted at. */
export const GEMINI_REST_BASE_URL = "https://generativelanguage.googleapis.com";
/** The documented endpoint, v1alpha only. */
export const GEMINI_TOKEN_PATH = "/v1alpha/auth_tokens";
/** Enough of a vendor's error body for a log line. */
const MAX_ERROR_BODY_CHARS = 2000;

export interface MintGeminiTokenOptions {
  /** The API key; it stays on this server. */
  apiKey: string;
  /** Another REST origin (a proxy, a local simulator). Default `https://generativelanguage.googleapis.com`. */
  baseUrl?: string;
  /** Sessions the token may open; 0 is no limit. Default 1 (the service's). */
  uses?: number;
  /** How long messages on a session it opened are accepted, ms from now. Default 30 minutes (the service's). */
  expireTimeMs?: number;
  /** How long the token can open a new session, ms from now. Default 60 s (the service's). */
  newSessionExpireTimeMs?: number;
  /** Lock the model and setup the browser's session uses (`bidiGenerateContentSetup`); without it the browser chooses. */
  constraints?: { model: string; setup?: GeminiSetup };
  /** fetch for the call. Default: the global fetch. */
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** The clock, epoch ms. Default `Date.now`. */
  now?: () => number;
}

/** What the browser gets: the token for `gemini({ token })`, and until when it opens a session. */
export interface GeminiToken {
  readonly token: string;
  /** Epoch ms: after this the token opens no new session. */
  readonly newSessionExpiresAt: number;
  /** Epoch ms: after this the service rejects messages on sessions it opened. */
  readonly expiresAt: number;
}

const DEFAULT_EXPIRE_MS = 30 * 60_000;
const DEFAULT_NEW_SESSION_MS = 60_000;

/** The mint call as data (what `mintGeminiToken` sends), checked before any I/O. */
export function tokenRequest(options: MintGeminiTokenOptions, now: number): HttpRequestSpec & { expiresAt: number; newSessionExpiresAt: number } {
  const { value: key } = validateCredential({ apiKey: options.apiKey });
  const base = validateBaseUrl(options.baseUrl, { dialect: DIALECT_NAME, defaultUrl: GEMINI_REST_BASE_URL, schemes: "http" });
  const uses = options.uses ?? 1;
  if (!Number.isInteger(uses) || uses < 0) throw new ConfigError("uses must be a whole number, 0 for no limit", { dialect: DIALECT_NAME });
  const expiresAt = now + positive(options.expireTimeMs ?? DEFAULT_EXPIRE_MS, "expireTimeMs");
  const newSessionExpiresAt = now + positive(options.newSessionExpireTimeMs ?? DEFAULT_NEW_SESSION_MS, "newSessionExpireTimeMs");
  const body: Record<string, unknown> = {
    uses,
    expireTime: new Date(expiresAt).toISOString(),
    newSessionExpireTime: new Date(newSessionExpiresAt).toISOString(),
  };
  if (options.constraints !== undefined) {
    const model = validateModel(options.constraints.model);
    body.bidiGenerateContentSetup = { ...validateSetup(options.constraints.setup), model: modelResource(model) };
  }
  return {
    method: "POST",
    url: `${base}${GEMINI_TOKEN_PATH}`,
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body: JSON.stringify(body),
    secrets: [key],
    expiresAt,
    newSessionExpiresAt,
  };
}

function positive(ms: number, name: string): number {
  if (!Number.isFinite(ms) || ms <= 0) throw new ConfigError(`${name} must be a positive number of ms`, { dialect: DIALECT_NAME });
  return ms;
}

/**
 * Mints one ephemeral token with the server's API key. A non-2xx answer is a `BootstrapError`
 * with the status and the body, key redacted; a network failure a `NetworkError`; an answer
 * without an `auth_tokens/…` name a `ProtocolError` that never quotes the body.
 */
export async function mintGeminiToken(options: MintGeminiTokenOptions): Promise<GeminiToken> {
  const request = tokenRequest(options, (options.now ?? Date.now)());
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const where = `${request.method} ${request.url}`;
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: { ...request.headers },
      body: request.body ?? null,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new NetworkError(`token call ${where} failed: ${redact(why, request.secrets)}`, { dialect: DIALECT_NAME });
  }
  const { text, truncated } = await readResponseText(response).catch(() => ({ text: "", truncated: false }));
  if (!response.ok) {
    const safe = redactThenCut(text, MAX_ERROR_BODY_CHARS, (t) => redact(t, request.secrets));
    throw new BootstrapError(`token call ${where} answered HTTP ${response.status}: ${safe}`, response.status, safe, { dialect: DIALECT_NAME });
  }
  let parsed: unknown;
  try {
    parsed = truncated ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const name = isRecord(parsed) ? parsed.name : undefined;
  if (typeof name !== "string" || !name.startsWith(GEMINI_TOKEN_PREFIX)) {
    throw new ProtocolError(`the token answer has no ${GEMINI_TOKEN_PREFIX}… name`, { dialect: DIALECT_NAME, fatal: true });
  }
  return { token: name, expiresAt: request.expiresAt, newSessionExpiresAt: request.newSessionExpiresAt };
}
