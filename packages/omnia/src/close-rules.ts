import { type ErrorFactory, quotePeer, TokenExpiredError } from "@voxwire/core";

/*
 * The call-create wire's failures as typed errors, layered over core's defaults (`closeEvents`,
 * `httpError`). `body` arrives redacted.
 */

/** Vendor text quoted in an error message is cut here. */
export const MAX_QUOTED_CHARS = 500;

/**
 * A call's socket URL is single-use and short-lived: an upgrade answered 404 or 410 means the
 * call is gone (already joined, expired, ended), and a new call is the way forward.
 */
const CALL_GONE =
  (status: number): ErrorFactory =>
  (body, dialect) =>
    new TokenExpiredError(
      `the call's socket URL was refused with HTTP ${status} (already used or expired): create a new call${quotePeer(body, { max: MAX_QUOTED_CHARS, lead: ": ", end: "" })}`,
      { dialect },
    );

/** No close codes of its own: neither Omnia nor Ultravox documents any, so core's defaults apply. */
export const OMNIA_CLOSE_RULES: Readonly<Record<number, ErrorFactory>> = {};

export const OMNIA_HTTP_RULES: Readonly<Record<number, ErrorFactory>> = { 404: CALL_GONE(404), 410: CALL_GONE(410) };
