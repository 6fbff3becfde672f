import { ConfigError, isHeaderValueSafe, isSocketUrl, validateBaseUrl as validateUrl, type WireAudioFormat } from "@voxwire/core";
import { DIALECT_NAME, ELEVENLABS_DEFAULT_AUDIO, ELEVENLABS_DEFAULT_BASE_URL, isElevenlabsAudioFormat, wireFormatOf } from "./wire.js";

const fail = (message: string) => new ConfigError(message, { dialect: DIALECT_NAME });

/** An agent id: it goes in the query, so 1–128 visible ASCII characters. */
export function validateAgentId(agentId: unknown): string {
  if (typeof agentId !== "string" || !/^[\x21-\x7e]{1,128}$/.test(agentId)) {
    throw fail("agentId is required: the agent's id from the ElevenLabs dashboard (1-128 visible ASCII characters)");
  }
  return agentId;
}

/** An `xi-api-key` value. Messages never include it. */
export function validateApiKey(apiKey: unknown): string {
  if (typeof apiKey !== "string" || apiKey.length === 0) throw fail("apiKey must be a non-empty string");
  if (!isHeaderValueSafe(apiKey)) throw fail("the apiKey contains spaces or characters an HTTP header cannot carry");
  return apiKey;
}

/** A signed URL as the service returns it: an absolute `ws:`/`wss:` URL. Messages never include it. */
export function validateSignedUrl(signedUrl: unknown, what = "signedUrl"): string {
  if (!isSocketUrl(signedUrl)) throw fail(`${what} must be an absolute ws: or wss: URL (the signed_url of get-signed-url)`);
  return signedUrl;
}

/** The application's route that answers `{ signed_url }`: an absolute http(s) URL, or a path a page resolves. */
export function validateSignedUrlEndpoint(endpoint: unknown): { url: string; relative: boolean } {
  if (typeof endpoint === "string" && endpoint.startsWith("/") && !endpoint.startsWith("//")) return { url: endpoint, relative: true };
  try {
    if (typeof endpoint !== "string") throw new TypeError();
    const url = new URL(endpoint);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError();
    return { url: url.href, relative: false };
  } catch {
    throw fail("signedUrlEndpoint must be an absolute http(s) URL or a path starting with /");
  }
}

/** Extra headers for the route call (a CSRF header, the application's own session token). */
export function validateHeaders(headers: unknown): Record<string, string> {
  if (headers === undefined) return {};
  if (headers === null || typeof headers !== "object") throw fail("signedUrlHeaders must be an object of strings");
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string" || !isHeaderValueSafe(value)) throw fail(`signedUrlHeaders.${name} must be a string an HTTP header can carry`);
    out[name] = value;
  }
  return out;
}

/** The planned formats: one name for both ways, or each way's; `pcm_16000` by default. */
export function validateAudio(audio: unknown): { input: WireAudioFormat; output: WireAudioFormat } {
  const names = typeof audio === "string" || audio === undefined ? { input: audio, output: audio } : audio;
  if (names === null || typeof names !== "object") throw fail("audio must be a format name or { input, output }");
  const pick = (name: unknown, side: string): WireAudioFormat => {
    const value = name ?? ELEVENLABS_DEFAULT_AUDIO;
    if (!isElevenlabsAudioFormat(value))
      throw fail(`audio ${side} must be one of pcm_8000, pcm_16000, pcm_22050, pcm_24000, pcm_44100, pcm_48000, ulaw_8000`);
    return wireFormatOf(value)!;
  };
  const { input, output } = names as { input?: unknown; output?: unknown };
  return { input: pick(input, "input"), output: pick(output, "output") };
}

export function validateTextAs(value: unknown): "user_message" | "contextual_update" {
  if (value === undefined) return "user_message";
  if (value !== "user_message" && value !== "contextual_update") throw fail('sendTextAs must be "user_message" or "contextual_update"');
  return value;
}

/** The WebSocket origin: `ws:`/`wss:` as given, `http:`/`https:` mapped to them, no query. */
export function validateBaseUrl(baseUrl: unknown): string {
  return validateUrl(baseUrl, { dialect: DIALECT_NAME, defaultUrl: ELEVENLABS_DEFAULT_BASE_URL, schemes: "ws" });
}

/** The REST origin beside a WebSocket origin (`wss://api.elevenlabs.io` → `https://api.elevenlabs.io`). */
export const restOrigin = (wsOrigin: string): string => wsOrigin.replace(/^ws/, "http");
