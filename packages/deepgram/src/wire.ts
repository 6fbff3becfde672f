/*
 * The Deepgram wire in one place: URL, subprotocol, audio format, message names, close codes.
 * Each constant should name the vendor document it comes from (docs/sources.md); the values
 * below are the scaffold's placeholders.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "deepgram";

/** The production endpoint. */
export const DEEPGRAM_DEFAULT_BASE_URL = "wss://api.deepgram.invalid";
/** The WebSocket path under the base URL. */
export const DEEPGRAM_PATH = "/v1/deepgram";
/** The rate of both directions (PCM16, mono). */
export const DEEPGRAM_SAMPLE_RATE = 16000;
/** Audio frame length both ways. */
export const DEEPGRAM_FRAME_MS = 20;
/** The credential rides as the subprotocol `deepgram-key.<KEY>` (browsers cannot set upgrade headers). */
export const DEEPGRAM_SUBPROTOCOL_PREFIX = "deepgram-key.";

/** Server → client event names. */
export const DeepgramServerEvent = { sessionStarted: "session_started" } as const;

/** Close codes the vendor documents. */
export const DeepgramClose = { badKey: 4401 } as const;
