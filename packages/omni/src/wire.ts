import { isDtmfDigit } from "@voxwire/core";

/*
 * The Omni wire in one place: URL, subprotocol, message names and the frames voxwire chose where
 * the vendor documents (the Omni browser guide and the Omni phone-bridge guide, docs/sources.md)
 * leave the payload to the unpublished "Omni wire protocol". When that reference lands, this file
 * is the one to update.
 */

/** The dialect's name (log namespace, error prefix, CLI argument), stated once for the package. */
export const DIALECT_NAME = "omni";

/** The documented production endpoint. */
export const OMNI_DEFAULT_BASE_URL = "wss://api.pyai.com";
/** The WebSocket path under the base URL. */
export const OMNI_PATH = "/v1/omni";
/** The only encoding the URL declares. */
export const OMNI_FORMAT = "pcm16";
/** Rates the URL may declare; the declared rate is the rate of both directions. */
export const OMNI_RATES = [8000, 16000, 24000] as const;
export type OmniRate = (typeof OMNI_RATES)[number];
/** Audio frame length both ways, as the guides recommend (480 samples at 24 kHz). */
export const OMNI_FRAME_MS = 20;

/** The credential rides as the subprotocol `pyai-key.<KEY>` (browsers cannot set upgrade headers). */
export const OMNI_SUBPROTOCOL_PREFIX = "pyai-key.";
/** Secret server keys: never allowed in a browser. */
export const OMNI_LIVE_KEY_PREFIX = "pyai_live_";

/** Server → client event names, as the guides spell them. */
export const OmniServerEvent = {
  hello: "hello",
  sessionStarted: "session_started",
  flush: "flush",
  dtmf: "dtmf",
  transferToHuman: "transfer_to_human",
  sessionEnding: "session_ending",
} as const;

/** Close codes and vendor codes the guides document. */
export const OmniClose = { badKey: 4401, missingScope: 4403 } as const;
export const OmniVendorCode = {
  invalidAgentId: "invalid_agent_id",
  originNotAllowed: "origin_not_allowed",
  concurrencyLimitExceeded: "concurrency_limit_exceeded",
} as const;
/** The scope a key needs for a session (close 4403 when it lacks it). */
export const OMNI_SESSION_SCOPE = "omni:session";

/**
 * Client → server DTMF: not published. voxwire sends `{"type":"dtmf","digit":"5"}`, plus
 * `"duration_ms"` when the caller gave one: the same name and `digit` field as the server's `dtmf`
 * event, so one shape serves both directions. The Omni vendor front decodes exactly this.
 */
export function dtmfFrame(digit: string, durationMs?: number): string {
  return JSON.stringify(durationMs === undefined ? { type: "dtmf", digit } : { type: "dtmf", digit, duration_ms: durationMs });
}

/** The field names a `dtmf` message's digit is read from, in order (`digit` is what we send). */
const DTMF_DIGIT_FIELDS = ["digit", "key", "dtmf", "value"] as const;

/**
 * Reads a `dtmf` message in either direction: the digit from the first of `digit`, `key`, `dtmf`,
 * `value` that holds one (a string, or an integer 0-9), the duration from `duration_ms` or
 * `durationMs`. Undefined when no field holds a valid digit.
 */
export function parseDtmf(message: Readonly<Record<string, unknown>>): { digit: string; durationMs?: number } | undefined {
  for (const field of DTMF_DIGIT_FIELDS) {
    const value = message[field];
    const digit = typeof value === "number" && Number.isInteger(value) ? String(value) : value;
    if (isDtmfDigit(digit)) {
      const duration = message.duration_ms ?? message.durationMs;
      return typeof duration === "number" && duration >= 0 ? { digit, durationMs: duration } : { digit };
    }
  }
  return undefined;
}

/*
 * Transcripts: the payload is not published. The client codec is tolerant (see transcript.ts);
 * the vendor side, which has to pick something, sends these two shapes.
 */
/** A partial transcript: `text` is the turn so far, `delta` what was added. */
export const OMNI_TRANSCRIPT_PARTIAL = "transcript_partial";
/** A final transcript for a turn. */
export const OMNI_TRANSCRIPT_FINAL = "transcript";
