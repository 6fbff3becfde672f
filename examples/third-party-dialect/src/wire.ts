/*
 * The Echo JSON wire in one place. Echo JSON is NOT a real vendor: it is a small wire made up for
 * this example, specified in ../README.md ("The Echo JSON wire"). Every name below is from there.
 */

/** The WebSocket path under the base URL. */
export const ECHO_JSON_PATH = "/v1/echo";

/** The credential rides as the subprotocol `echo-key.<KEY>` (browsers cannot set upgrade headers). */
export const ECHO_JSON_SUBPROTOCOL_PREFIX = "echo-key.";

/** PCM16 little-endian mono at 16 kHz both ways, 20 ms (320 samples) per `audio` message. */
export const ECHO_JSON_SAMPLE_RATE = 16000;
export const ECHO_JSON_FRAME_MS = 20;

/** Message types: `audio` goes both ways; the others only from the server. */
export const EchoJsonMessage = {
  ready: "ready",
  audio: "audio",
  clear: "clear",
  transcript: "transcript",
} as const;

/** The close codes the wire defines besides 1000 (a normal end). */
export const EchoJsonClose = { badKey: 4401, tooManySessions: 4429 } as const;

/** The two speakers a `transcript` names. */
export type EchoJsonRole = "user" | "agent";

/** The credential characters a subprotocol may carry (RFC 7230 `token`): no `/`, `=`, `:` or spaces. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function isSubprotocolSafe(key: unknown): key is string {
  return typeof key === "string" && TOKEN.test(key);
}
