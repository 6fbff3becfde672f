import { type ConnectPlan, ProtocolError, readJsonObject, urlSecrets } from "@voxwire/core";
import { TOKEN_FIRST_FRAME_MS, TOKEN_FIRST_SAMPLE_RATE, tokenFrame } from "./wire.js";

const DIALECT = "token-first";
const INVALID_RESPONSE = "invalid_token_response";

/** What the token endpoint (or the application's route in front of it) answers. */
export interface TokenResponse {
  readonly token: string;
  readonly ws_url: string;
}

/**
 * Reads `{ token, ws_url }` from a token endpoint's body. Anything else is a fatal
 * `ProtocolError` naming the field; the message never quotes the body, which holds the token.
 */
export function readTokenResponse(body: string): TokenResponse {
  const { token, ws_url } = readJsonObject(body, { dialect: DIALECT, what: "the token response", vendorCode: INVALID_RESPONSE });
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
export function planForToken(response: TokenResponse, apiKey: string | undefined): ConnectPlan {
  const format = { encoding: "pcm16", sampleRate: TOKEN_FIRST_SAMPLE_RATE, frameMs: TOKEN_FIRST_FRAME_MS } as const;
  return {
    url: response.ws_url,
    firstFrames: [tokenFrame(response.token)],
    audio: { outbound: format, inbound: format },
    secrets: apiKey === undefined ? [response.token, ...urlSecrets(response.ws_url)] : [apiKey, response.token, ...urlSecrets(response.ws_url)],
  };
}

function invalid(message: string): ProtocolError {
  return new ProtocolError(message, { dialect: DIALECT, fatal: true, vendorCode: INVALID_RESPONSE });
}
