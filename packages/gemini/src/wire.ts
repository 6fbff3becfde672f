/*
 * The Gemini wire in one place: URL, subprotocol, audio format, message names, close codes.
 * Each constant should name the vendor document it comes from (docs/sources.md); the values
 * below are the scaffold's placeholders.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "gemini";

/** The production endpoint. */
export const GEMINI_DEFAULT_BASE_URL = "wss://api.gemini.invalid";
/** The WebSocket path under the base URL. */
export const GEMINI_PATH = "/v1/gemini";
/** The rate of both directions (PCM16, mono). */
export const GEMINI_SAMPLE_RATE = 16000;
/** Audio frame length both ways. */
export const GEMINI_FRAME_MS = 20;
/** The credential rides as the subprotocol `gemini-key.<KEY>` (browsers cannot set upgrade headers). */
export const GEMINI_SUBPROTOCOL_PREFIX = "gemini-key.";

/** Server → client event names. */
export const GeminiServerEvent = { sessionStarted: "session_started" } as const;

/** Close codes the vendor documents. */
export const GeminiClose = { badKey: 4401 } as const;
