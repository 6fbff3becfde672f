import { defineVoxwireError } from "./define-error.js";

/** The credential was refused (close 4401, HTTP 401, an origin not allow-listed). Fatal. */
export const AuthError = /* @__PURE__ */ defineVoxwireError("AuthError", "auth_failed", { retryable: false });
export type AuthError = InstanceType<typeof AuthError>;

/** The credential is valid but lacks a permission the session needs (close 4403). Fatal. */
export const ScopeError = /* @__PURE__ */ defineVoxwireError("ScopeError", "missing_scope", { retryable: false });
export type ScopeError = InstanceType<typeof ScopeError>;

/** Too many live sessions for the account (HTTP 429 at the upgrade, or a 4429 close). Retryable. */
export const ConcurrencyLimitError = /* @__PURE__ */ defineVoxwireError("ConcurrencyLimitError", "concurrency_limit", { retryable: true });
export type ConcurrencyLimitError = InstanceType<typeof ConcurrencyLimitError>;

/** A short-lived token or connect plan expired, or was already used. Retryable with a fresh bootstrap. */
export const TokenExpiredError = /* @__PURE__ */ defineVoxwireError("TokenExpiredError", "token_expired", { retryable: true });
export type TokenExpiredError = InstanceType<typeof TokenExpiredError>;

/**
 * A frame broke the dialect's rules: malformed JSON, bad base64, odd-length PCM, an oversize frame.
 * Not fatal by default: the frame is reported and the session goes on.
 */
export const ProtocolError = /* @__PURE__ */ defineVoxwireError("ProtocolError", "protocol_violation", { retryable: false, fatal: false });
export type ProtocolError = InstanceType<typeof ProtocolError>;

/** The network failed: a refused connection, a dropped socket, an unreachable host. Retryable. */
export const NetworkError = /* @__PURE__ */ defineVoxwireError("NetworkError", "network", { retryable: true });
export type NetworkError = InstanceType<typeof NetworkError>;

/** A step did not finish in time (bootstrap, socket open, a handshake reply). Retryable. */
export const TimeoutError = /* @__PURE__ */ defineVoxwireError("TimeoutError", "timeout", { retryable: true });
export type TimeoutError = InstanceType<typeof TimeoutError>;

/**
 * The options cannot work: a malformed id, a key that is not a valid subprotocol token, a secret
 * key in a browser. Raised before any I/O.
 */
export const ConfigError = /* @__PURE__ */ defineVoxwireError("ConfigError", "invalid_config", { retryable: false });
export type ConfigError = InstanceType<typeof ConfigError>;

/** The vendor refused the request as malformed (HTTP 400 at the upgrade, e.g. `invalid_agent_id`). */
export const InvalidRequestError = /* @__PURE__ */ defineVoxwireError("InvalidRequestError", "invalid_request", { retryable: false });
export type InvalidRequestError = InstanceType<typeof InvalidRequestError>;

/**
 * An event iterator stopped reading and the events kept for it passed `maxPendingEventBytes`
 * with no audio left to drop: the session ends rather than grow without bound. Fatal.
 */
export const BacklogOverflowError = /* @__PURE__ */ defineVoxwireError("BacklogOverflowError", "backlog_overflow", { retryable: false });
export type BacklogOverflowError = InstanceType<typeof BacklogOverflowError>;

/** The caller's AbortSignal fired. */
export const AbortedError = /* @__PURE__ */ defineVoxwireError("AbortedError", "aborted", { retryable: false });
export type AbortedError = InstanceType<typeof AbortedError>;

/** The peer failed on its side (close 1011/1012/1013, HTTP 5xx at the upgrade). Retryable. */
export const ServerError = /* @__PURE__ */ defineVoxwireError("ServerError", "server_error", { retryable: true });
export type ServerError = InstanceType<typeof ServerError>;

/** The peer closed the session with a code the dialect does not classify. */
export const ClosedError = /* @__PURE__ */ defineVoxwireError("ClosedError", "closed_by_peer", { retryable: false });
export type ClosedError = InstanceType<typeof ClosedError>;

/**
 * Audio data that cannot be what it claims: an odd byte count for PCM16, invalid base64, a
 * payload in the wrong encoding. Not fatal: the chunk is reported and the stream goes on.
 */
export const AudioDataError = /* @__PURE__ */ defineVoxwireError("AudioDataError", "invalid_audio", { retryable: false, fatal: false });
export type AudioDataError = InstanceType<typeof AudioDataError>;

/**
 * The vendor reported an error in-band (an `error` message) with a code voxwire does not
 * classify; `vendorCode` keeps the vendor's code. Not fatal unless the vendor then closes.
 */
export const VendorError = /* @__PURE__ */ defineVoxwireError("VendorError", "vendor_error", { retryable: false, fatal: false });
export type VendorError = InstanceType<typeof VendorError>;
