import type { HttpRequestSpec } from "@voxwire/core";
import { validateApiKey, validateApiUrl, validateHeaders, validateTokenUrl } from "./validate.js";
import { TOKEN_PATH } from "./wire.js";

/**
 * `POST {apiUrl}/api/v1/sdk/token` with the key as a Bearer header, as seed 001's step 1 sends it
 * (no body). Validates both options; a `ConfigError` never quotes the key.
 */
export function vendorTokenRequest(apiUrl: unknown, apiKey: unknown): HttpRequestSpec {
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
export function routeTokenRequest(tokenUrl: unknown, tokenHeaders: unknown): { request: HttpRequestSpec; relative: boolean } {
  const { url, relative } = validateTokenUrl(tokenUrl);
  const headers = validateHeaders(tokenHeaders);
  return { request: { method: "POST", url, headers: { accept: "application/json", ...headers }, secrets: Object.values(headers) }, relative };
}
