import { ConfigError } from "@voxwire/core";
import { contentType, DIALECT_NAME } from "./wire.js";

export interface ConnectNccoOptions {
  /** The WebSocket Vonage opens: `wss://host/vonage/media`. */
  uri: string;
  /** Must match `vonage({ sampleRate })`. Default 16000. */
  sampleRate?: number;
  /** Merged into `websocket:connected` (the call's ids, parameters). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * The NCCO that connects the call to the WebSocket (Vonage, "NCCO reference: connect":
 * https://developer.vonage.com/en/voice/voice-api/ncco-reference#connect):
 * `[{"action":"connect","endpoint":[{"type":"websocket","uri":…,"content-type":"audio/l16;rate=16000","headers":{…}}]}]`.
 */
export function connectNcco(options: ConnectNccoOptions): string {
  if (!options || typeof options.uri !== "string" || !/^wss?:\/\//.test(options.uri))
    throw new ConfigError("the NCCO websocket uri must be ws:// or wss://", { dialect: DIALECT_NAME });
  const endpoint = { type: "websocket", uri: options.uri, "content-type": contentType(options.sampleRate ?? 16000), headers: { ...options.headers } };
  return JSON.stringify([{ action: "connect", endpoint: [endpoint] }]);
}
