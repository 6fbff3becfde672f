import { type ConnectPlan, type HttpRequestSpec, ProtocolError, readJsonObject, urlSecrets } from "@voxwire/core";
import { validateApiKey, validateApiUrl, validateHeaders, validateTokenUrl } from "./validate.js";
import { DIALECT_NAME, TOKEN_FIRST_FRAME_MS, TOKEN_FIRST_SAMPLE_RATE, TOKEN_PATH, tokenFrame } from "./wire.js";

const INVALID_RESPONSE = "invalid_token_response";

/**
 * `POST {apiUrl}/api/v1/sdk/token` with the key as a Bearer header, as the token-first guide's
 * step 1 sends it (no body). Validates both options; a `ConfigError` never quotes the key.
 */
export function bootstrapRequest(apiUrl: unknown, apiKey: unknown): HttpRequestSpec {
  const base = validateApiUrl(apiUrl);
  const key = validateApiKey(apiKey);
  return {
    method: "POST",
    url: `${base}${TOKEN_PATH}`,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    secrets: [key],
  };
}

/** `POST tokenUrl` without the vendor key: the application's route adds it on its server. */
export function routeBootstrapRequest(tokenUrl: unknown, tokenHeaders: unknown): { request: HttpRequestSpec; relative: boolean } {
  const { url, relative } = validateTokenUrl(tokenUrl);
  const headers = validateHeaders(tokenHeaders);
  return { request: { method: "POST", url, headers: { accept: "application/json", ...headers }, secrets: Object.values(headers) }, relative };
}

/** What the token endpoint (or the application's route in front of it) answers. */
export interface TokenResponse {
  readonly token: string;
  readonly ws_url: string;
}

/**
 * Reads `{ token, ws_url }` from a token endpoint's body. Anything else is a fatal
 * `ProtocolError` naming the field; the message never quotes the body, which holds the token.
 */
export function readBootstrapAnswer(body: string): TokenResponse {
  const { token, ws_url } = readJsonObject(body, { dialect: DIALECT_NAME, what: "the token response", vendorCode: INVALID_RESPONSE });
  if (typeof token !== "string" || token.length === 0) throw invalid('the token response has no non-empty string "token"');
  if (typeof ws_url !== "string") throw invalid('the token response has no string "ws_url"');
  let url: URL;
  try {
    url = new URL(ws_url);
  } catch {
    throw invalid('the token response\'s "ws_url" is not an absolute URL');
  }
  if (url.protocol !== "ws:" && url.protocol !== "wss:") throw invalid('the token response\'s "ws_url" is not a ws: or wss: URL');
  return { token, ws_url };
}

/**
 * The connect plan for a token: dial `ws_url`, send `{"token": …}` first (the session holds
 * everything else until the codec has seen `connected`), PCM16 16 kHz in 20 ms frames both ways.
 */
export function planFromAnswer(response: TokenResponse, apiKey: string | undefined): ConnectPlan {
  const format = { encoding: "pcm16", sampleRate: TOKEN_FIRST_SAMPLE_RATE, frameMs: TOKEN_FIRST_FRAME_MS } as const;
  return {
    url: response.ws_url,
    firstFrames: [tokenFrame(response.token)],
    audio: { outbound: format, inbound: format },
    secrets: apiKey === undefined ? [response.token, ...urlSecrets(response.ws_url)] : [apiKey, response.token, ...urlSecrets(response.ws_url)],
  };
}

function invalid(message: string): ProtocolError {
  return new ProtocolError(message, { dialect: DIALECT_NAME, fatal: true, vendorCode: INVALID_RESPONSE });
}
