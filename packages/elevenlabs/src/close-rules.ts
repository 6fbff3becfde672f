import {
  AuthError,
  ConcurrencyLimitError,
  type ErrorFactory,
  InvalidRequestError,
  isRecord,
  ProtocolError,
  quotePeer,
  ServerError,
  VendorError,
  type VoxwireError,
  vendorCodeOf,
} from "@voxwire/core";
import { DIALECT_NAME, ElevenlabsClose, ElevenlabsErrorType } from "./wire.js";

/*
 * ElevenLabs' failures as typed errors, layered over core's defaults (`closeEvents`, `httpError`).
 * `reason`/`body` arrive redacted.
 *
 * Close codes, as the AsyncAPI's `WebSocketCloseCode` describes them: 1000 the agent ended the
 * conversation (mapped to `session-ended { reason: "agent_ended" }` by the codec); 1002 an
 * operational failure (timeouts, policy violations, LLM/TTS/ASR errors); 1008 a contract error
 * (an invalid message, a refused override, auth and validation); 1011 an internal error, which is
 * also what elevenlabs/elevenlabs-docs#519 reports for "Conversation has exceeded maximum
 * duration". The service sends an `error` message before closing with one of them.
 */

const MAX_DURATION = /maximum duration/i;

export const ELEVENLABS_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {
  [ElevenlabsClose.operational]: (r, d) =>
    new ServerError(`the conversation failed (close ${ElevenlabsClose.operational})${said(r)}`, { dialect: d, vendorCode: vendorCodeOf(r) }),
  [ElevenlabsClose.contract]: (r, d) =>
    new InvalidRequestError(`the service refused a message or setting (close ${ElevenlabsClose.contract})${said(r)}`, {
      dialect: d,
      vendorCode: vendorCodeOf(r),
    }),
  [ElevenlabsClose.internal]: (r, d) =>
    MAX_DURATION.test(r)
      ? new VendorError(`the conversation reached the agent's maximum duration (close 1011)${said(r)}`, {
          dialect: d,
          vendorCode: ElevenlabsErrorType.maxDurationExceeded,
        })
      : new ServerError(`the service hit an internal error (close 1011)${said(r)}`, { dialect: d }),
};

/**
 * Statuses at the WebSocket upgrade or the signed-URL call: 401 a refused `xi-api-key`, 403 a
 * key or agent that may not be used, 429 too many concurrent conversations for the plan.
 */
export const ELEVENLABS_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = {
  401: (b, d) => new AuthError("the key was refused (HTTP 401)", { dialect: d, vendorCode: vendorCodeOf(b) ?? detailStatus(b) }),
  403: (b, d) => new AuthError("the key or agent may not be used (HTTP 403)", { dialect: d, vendorCode: vendorCodeOf(b) ?? detailStatus(b) }),
  429: (b, d) =>
    new ConcurrencyLimitError("too many concurrent conversations (HTTP 429)", { dialect: d, vendorCode: vendorCodeOf(b) ?? detailStatus(b) }),
};

/**
 * An `error` message (AsyncAPI `ErrorPayload`: `error_event { code, message?, error_type?, reason? }`)
 * as a typed error with the vendor's `error_type` as its code: a refused override is
 * `invalid_request`, an invalid message `protocol_violation`, anything else `vendor_error`. The
 * service sends one as it closes; the close then ends the session.
 */
export function vendorError(message: Readonly<Record<string, unknown>>): VoxwireError {
  const event = isRecord(message.error_event) ? message.error_event : {};
  const kind = typeof event.error_type === "string" ? event.error_type : undefined;
  const text = typeof event.message === "string" ? event.message : typeof event.reason === "string" ? event.reason : "";
  const options = { dialect: DIALECT_NAME, vendorCode: kind ?? (typeof event.code === "number" ? String(event.code) : undefined) };
  const quoted = text ? quotePeer(text) : "";
  switch (kind) {
    case ElevenlabsErrorType.overrideError:
      return new InvalidRequestError(`an override was refused (allow it in the agent's security settings)${quoted}`, options);
    case ElevenlabsErrorType.invalidMessage:
    case ElevenlabsErrorType.missingFields:
      return new ProtocolError(`the service refused a message${quoted}`, options);
    case ElevenlabsErrorType.maxDurationExceeded:
      return new VendorError(`the conversation reached the agent's maximum duration${quoted}`, options);
    default:
      return new VendorError(`the service reported an error${quoted}`, options);
  }
}

const said = (reason: string): string => (reason ? quotePeer(reason) : "");

/** The REST API's `{ "detail": { "status": "invalid_api_key", … } }` error shape. */
function detailStatus(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const detail = isRecord(parsed) && isRecord(parsed.detail) ? parsed.detail : undefined;
    return typeof detail?.status === "string" ? detail.status : undefined;
  } catch {
    return undefined;
  }
}
