import { ConfigError, type ConnectPlan, type DialectCapabilities, type DialectV2, NO_CAPABILITIES } from "@voxwire/core";
import { createEchoJsonCodec } from "./client-codec.js";
import { createEchoJsonPeerCodec } from "./peer-codec.js";
import { ECHO_JSON_FRAME_MS, ECHO_JSON_PATH, ECHO_JSON_SAMPLE_RATE, ECHO_JSON_SUBPROTOCOL_PREFIX, isSubprotocolSafe } from "./wire.js";

export interface EchoJsonOptions {
  /** The key the server was given. It rides in the subprotocol, so only RFC 7230 token characters. */
  apiKey: string;
  /** Where the server runs: `ws://127.0.0.1:PORT` (a simulator), `wss://…`; http(s) is mapped to ws(s). Echo JSON has no default host. */
  baseUrl: string;
}

/** Barge-in (`clear`) and whole-turn transcripts; nothing else. */
export const ECHO_JSON_CAPABILITIES: DialectCapabilities = { ...NO_CAPABILITIES, bargeIn: true, transcripts: true };

/**
 * The Echo JSON dialect (a made-up example wire, see README.md): `<baseUrl>/v1/echo`, the key as
 * the subprotocol `echo-key.<KEY>`, JSON text frames with base64 PCM16 at 16 kHz both ways.
 * Options that can never work throw a `ConfigError` here, before any I/O, without the key in the message.
 */
export function echoJson(options: EchoJsonOptions): DialectV2 {
  if (options === null || typeof options !== "object") throw new ConfigError("echoJson() needs an options object", { dialect: "echo-json" });
  if (!isSubprotocolSafe(options.apiKey)) {
    throw new ConfigError("apiKey must be a non-empty string of RFC 7230 token characters (it is sent as a subprotocol)", { dialect: "echo-json" });
  }
  const subprotocol = `${ECHO_JSON_SUBPROTOCOL_PREFIX}${options.apiKey}`;
  const format = { encoding: "pcm16", sampleRate: ECHO_JSON_SAMPLE_RATE, frameMs: ECHO_JSON_FRAME_MS } as const;
  const plan: ConnectPlan = {
    url: `${wsOrigin(options.baseUrl)}${ECHO_JSON_PATH}`,
    protocols: [subprotocol],
    audio: { outbound: format, inbound: format },
    secrets: [options.apiKey, subprotocol],
  };

  return {
    specVersion: 2,
    name: "echo-json",
    role: "client",
    capabilities: ECHO_JSON_CAPABILITIES,
    prepare: () => ({ kind: "plan", plan }),
    createCodec: createEchoJsonCodec,
    createPeerCodec: createEchoJsonPeerCodec,
  };
}

/** `ws:`/`wss:` as given, `http:`/`https:` mapped to them; a path is kept, a trailing slash dropped. */
function wsOrigin(baseUrl: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof baseUrl === "string" ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  const scheme = url && { "ws:": "ws:", "wss:": "wss:", "http:": "ws:", "https:": "wss:" }[url.protocol];
  if (!url || !scheme || url.search || url.hash || url.username || url.password) {
    throw new ConfigError("baseUrl must be a ws:, wss:, http: or https: URL without credentials, query or fragment", { dialect: "echo-json" });
  }
  return `${scheme}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}
