/**
 * Every `code` voxwire itself can put on an error or an `error` event, across its packages.
 * docs/event-model.md lists the same codes (a test keeps the two in step).
 */
export const VOXWIRE_ERROR_CODES = [
  // @voxwire/core's error classes
  "auth_failed",
  "missing_scope",
  "concurrency_limit",
  "token_expired",
  "bootstrap_failed",
  "invalid_request",
  "invalid_config",
  "protocol_violation",
  "invalid_audio",
  "network",
  "timeout",
  "server_error",
  "closed_by_peer",
  "aborted",
  "vendor_error",
  "backlog_overflow",
  // the session runtime: a dialect callback threw something that is not a VoxwireError
  "dialect_error",
  // @voxwire/browser's error classes
  "audio_unavailable",
  "microphone_unavailable",
  // @voxwire/twilio's phone bridge (its `error` events, when no VoxwireError supplied a code)
  "agent_connect_failed",
  "transfer_unconfigured",
  "transfer_failed",
  "hangup_failed",
] as const;

/** A code voxwire emits; see {@link VOXWIRE_ERROR_CODES}. */
export type VoxwireErrorCode = (typeof VOXWIRE_ERROR_CODES)[number];

/**
 * What an error's `code` may hold: one of voxwire's codes, or a third-party dialect's own.
 * `string & {}` keeps the known codes in autocompletion without closing the type, which would
 * be unsound: any dialect can construct a `VoxwireError` with a code of its own.
 */
export type OpenErrorCode = VoxwireErrorCode | (string & {});

/** Narrows an open code to one voxwire emits, e.g. before an exhaustive `switch`. */
export function isVoxwireErrorCode(code: string): code is VoxwireErrorCode {
  return (VOXWIRE_ERROR_CODES as readonly string[]).includes(code);
}
