import { ConfigError, isHttpToken, validateBaseUrl as validateUrl } from "@voxwire/core";
import { DIALECT_NAME, GEMINI_DEFAULT_BASE_URL } from "./wire.js";

/** True when the credential can ride in the subprotocol: RFC 7230 `token` characters only. */
export function isSubprotocolSafe(credential: unknown): credential is string {
  return isHttpToken(credential);
}

/** A key usable as a subprotocol token. Messages never include the value. */
export function validateCredential(apiKey: unknown): string {
  if (typeof apiKey !== "string" || apiKey.length === 0) throw new ConfigError("an apiKey is required", { dialect: DIALECT_NAME });
  if (!isSubprotocolSafe(apiKey)) {
    throw new ConfigError("the apiKey cannot be sent as a subprotocol: it contains characters outside RFC 7230 token characters", {
      dialect: DIALECT_NAME,
    });
  }
  return apiKey;
}

/** The WebSocket origin to dial: `ws:`/`wss:` as given, `http:`/`https:` mapped to them; no query. */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: GEMINI_DEFAULT_BASE_URL, schemes: "ws" });
}
