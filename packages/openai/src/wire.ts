/*
 * The Openai wire in one place: URL, subprotocol, audio format, message names, close codes.
 * Each constant should name the vendor document it comes from (docs/sources.md); the values
 * below are the scaffold's placeholders.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "openai";

/** The production endpoint. */
export const OPENAI_DEFAULT_BASE_URL = "wss://api.openai.invalid";
/** The WebSocket path under the base URL. */
export const OPENAI_PATH = "/v1/openai";
/** The rate of both directions (PCM16, mono). */
export const OPENAI_SAMPLE_RATE = 16000;
/** Audio frame length both ways. */
export const OPENAI_FRAME_MS = 20;
/** The credential rides as the subprotocol `openai-key.<KEY>` (browsers cannot set upgrade headers). */
export const OPENAI_SUBPROTOCOL_PREFIX = "openai-key.";

/** Server → client event names. */
export const OpenaiServerEvent = { sessionStarted: "session_started" } as const;

/** Close codes the vendor documents. */
export const OpenaiClose = { badKey: 4401 } as const;
