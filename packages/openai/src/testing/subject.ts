import type { ConformanceSubject, SocketTarget } from "@voxwire/conformance";
import { ConfigError, type DialectV2 } from "@voxwire/core";
import { openai } from "../openai.js";
import { DIALECT_NAME, OPENAI_PATH, OPENAI_SERVER_EVENTS } from "../wire.js";
import { type OpenaiFrontOptions, openaiFront } from "./front.js";

/** The model the subject dials; the simulator accepts any. */
export const OPENAI_SAMPLE_MODEL = "gpt-realtime";

/** OpenAI Realtime as the shared conformance suite and the CLI see it. */
export const openaiSubject: ConformanceSubject = {
  name: DIALECT_NAME,
  summary: "OpenAI Realtime GA WebSocket (Bearer key or ek_ client secret subprotocol; base64 audio/pcm 24 kHz, or pcmu/pcma 8 kHz)",
  // The wire rate follows the format: 8000 asks for G.711 μ-law (what a phone bridge passes through), anything else audio/pcm at 24 kHz.
  client: ({ url, key, sampleRate }) =>
    openai({ apiKey: key, model: OPENAI_SAMPLE_MODEL, baseUrl: url, audio: sampleRate === 8000 ? "pcmu" : "pcm16" }),
  front: (options) => openaiFront(options as OpenaiFrontOptions),
  socketClient,
  frontOptions: {
    audio: { type: "string", values: ["pcm16", "pcmu", "pcma"], summary: "the session's audio format both ways (default pcm16, 24 kHz)" },
  },
  // session.updated, response.*, rate_limits.updated …: documented, passed through on spec v1.
  documentedMessages: OPENAI_SERVER_EVENTS,
  // No authRefusal: a wrong key is HTTP 401 at the upgrade (front.ts), which the suite accepts as
  // an auth failure; the Realtime reference documents no close code for it.
};

/**
 * The client for a bare socket URL (`voxwire probe --ws-url`): the dialect builds
 * `{baseUrl}/v1/realtime?model=…` itself, so the URL must end in that path; its origin (and any
 * prefix) is the base URL and its `model` the model (default the sample one).
 */
function socketClient({ wsUrl, key, sampleRate }: SocketTarget): DialectV2 {
  const url = new URL(wsUrl);
  if (!url.pathname.endsWith(OPENAI_PATH)) {
    throw new ConfigError(`the OpenAI Realtime socket is {baseUrl}${OPENAI_PATH}?model=…; this URL's path is another`, { dialect: DIALECT_NAME });
  }
  const baseUrl = `${url.protocol}//${url.host}${url.pathname.slice(0, -OPENAI_PATH.length)}`;
  const model = url.searchParams.get("model") ?? OPENAI_SAMPLE_MODEL;
  return openai({ apiKey: key, model, baseUrl, audio: sampleRate === 8000 ? "pcmu" : "pcm16" });
}
