/*
 * The token-first-message wire (token-first guide, docs/sources.md) in one place: the token
 * endpoint, the message names, the audio framing, and the codes voxwire chose where the document
 * leaves them open (the `error` codes and close codes are not published; the simulator's are
 * listed here).
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "token-first";

/** The token endpoint under the API URL: `POST {apiUrl}/api/v1/sdk/token` with `Authorization: Bearer <key>`. */
export const TOKEN_PATH = "/api/v1/sdk/token";

/** Both directions: PCM16 little-endian mono at 16 kHz in 20 ms frames. */
export const TOKEN_FIRST_SAMPLE_RATE = 16000;
export const TOKEN_FIRST_FRAME_MS = 20;
/** 320 samples: every binary frame on this wire. */
export const TOKEN_FIRST_FRAME_SAMPLES = 320;
/** 640 bytes: every binary frame on this wire. */
export const TOKEN_FIRST_FRAME_BYTES = 640;

/** Server → client text events, as the token-first guide spells them. */
export const TokenFirstServerEvent = {
  connected: "connected",
  agentReady: "agent_ready",
  sessionEnded: "session_ended",
  error: "error",
} as const;

/** The `session_ended` reasons the token-first guide lists; any other string is passed through as the reason. */
export const SESSION_ENDED_REASONS = ["agent_disconnected", "session_closed", "server_shutdown"] as const;
export type SessionEndedReason = (typeof SESSION_ENDED_REASONS)[number];

/** The name of the pass-through a client's `{"token": …}` frame decodes to on the vendor's side (its payload is the whole object). */
export const TOKEN_FRAME_NAME = "token";

/** The first client frame: the JSON text `{"token":"…"}`. */
export function tokenFrame(token: string): string {
  return JSON.stringify({ token });
}

/**
 * The vendor `error` codes the simulator sends. The real service's codes are not published, so
 * the client also treats any code that mentions a token (or `unauthorized`) as a refused token.
 */
export const TokenFirstErrorCode = {
  /** The first message was not `{"token": "<an issued token>"}`. */
  invalidToken: "invalid_token",
  /** The token outlived its time to live before it was presented. */
  tokenExpired: "token_expired",
  /** The token was already redeemed: tokens are single-use. */
  tokenUsed: "token_used",
  /** Binary audio (or any other frame) before the token. */
  protocolError: "protocol_error",
} as const;

/** Close codes the simulator uses after its `error` message (HTTP-in-4xxx, as RFC 6455 leaves 4000-4999 to applications). */
export const TokenFirstClose = {
  /** The token was invalid, expired or already used; the reason is the error code. */
  tokenRefused: 4401,
  /** Audio or another frame came before the token; the reason is `protocol_error`. */
  protocolError: 4400,
} as const;
