import { type ConnectPlan, type HttpRequestSpec, ProtocolError, readJsonObject, urlSecrets, type WireAudioFormat } from "@voxwire/core";
import { restOrigin } from "./validate.js";
import { DIALECT_NAME, ELEVENLABS_API_KEY_HEADER, ELEVENLABS_CONVERSATION_PATH, ELEVENLABS_SIGNED_URL_PATH, ELEVENLABS_SUBPROTOCOL } from "./wire.js";

const INVALID_RESPONSE = "invalid_signed_url_response";

/**
 * A private agent's signed URL, fetched on a server: `GET {api}/v1/convai/conversation/get-signed-url?agent_id=…`
 * with the key in `xi-api-key`, answering `{ "signed_url": "wss://…" }` (ElevenLabs API reference,
 * "Get signed URL"; the answer is the OpenAPI `ConversationSignedUrlResponseModel`).
 */
export function signedUrlRequest(wsOrigin: string, agentId: string, apiKey: string): HttpRequestSpec {
  return {
    method: "GET",
    url: `${restOrigin(wsOrigin)}${ELEVENLABS_SIGNED_URL_PATH}?agent_id=${encodeURIComponent(agentId)}`,
    headers: { [ELEVENLABS_API_KEY_HEADER]: apiKey, accept: "application/json" },
    secrets: [apiKey],
  };
}

/** The application's own route (`createSignedUrlRoute`): POST, no vendor key; it answers the same `{ signed_url }`. */
export function routeRequest(url: string, headers: Readonly<Record<string, string>>): HttpRequestSpec {
  return { method: "POST", url, headers: { accept: "application/json", ...headers }, secrets: Object.values(headers) };
}

/**
 * `signed_url` from the answer's body: an absolute ws(s) URL. Anything else is a fatal
 * `ProtocolError` naming the field; the message never quotes the body, which holds the signature.
 */
export function readSignedUrl(body: string): string {
  const { signed_url } = readJsonObject(body, { dialect: DIALECT_NAME, what: "the signed-URL answer", vendorCode: INVALID_RESPONSE });
  if (typeof signed_url !== "string") throw invalid('the signed-URL answer has no string "signed_url"');
  let url: URL;
  try {
    url = new URL(signed_url);
  } catch {
    throw invalid('the signed-URL answer\'s "signed_url" is not an absolute URL');
  }
  if (url.protocol !== "ws:" && url.protocol !== "wss:") throw invalid('the signed-URL answer\'s "signed_url" is not a ws: or wss: URL');
  return signed_url;
}

/** The socket for a public agent: the agent id in the query, nothing secret. */
export function publicAgentUrl(wsOrigin: string, agentId: string): string {
  return `${wsOrigin}${ELEVENLABS_CONVERSATION_PATH}?agent_id=${encodeURIComponent(agentId)}`;
}

/** A plan for a socket URL; a signed URL is a bearer capability, so all of it is a secret. */
export function planFor(url: string, audio: { input: WireAudioFormat; output: WireAudioFormat }, secrets: readonly string[]): ConnectPlan {
  return { url, protocols: [ELEVENLABS_SUBPROTOCOL], audio: { outbound: audio.input, inbound: audio.output }, secrets };
}

/** What a signed URL puts in the plan's secrets: the URL and its signature. */
export const signedUrlSecrets = (signedUrl: string): string[] => urlSecrets(signedUrl);

function invalid(message: string): ProtocolError {
  return new ProtocolError(message, { dialect: DIALECT_NAME, fatal: true, vendorCode: INVALID_RESPONSE });
}
