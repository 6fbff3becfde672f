import { CLEAN_CLOSE_CODES, defaultCloseErrors, type ErrorFactory, suffix } from "../errors/close-codes.js";
import { ClosedError } from "../errors/error-classes.js";
import type { InboundEvent } from "../events/inbound.js";
import { errorEvent } from "./error-event.js";

/**
 * Maps a close to events: an `error` when the close is not clean, then `session-ended`.
 * `rules` lets a dialect add or override codes.
 */
export function closeEvents(code: number, reason: string, dialect: string, rules: Readonly<Record<number, ErrorFactory>> = {}): InboundEvent[] {
  const ended: InboundEvent = { type: "session-ended", reason: reason || (CLEAN_CLOSE_CODES.has(code) ? "closed" : `close_${code}`), code };
  const factory = rules[code] ?? defaultCloseErrors[code];
  if (factory) {
    const error = factory(reason, dialect);
    return [errorEvent(error), { ...ended, reason: error.code }];
  }
  if (CLEAN_CLOSE_CODES.has(code)) return [ended];
  const error = new ClosedError(`the peer closed with code ${code}${suffix(reason)}`, { dialect, retryable: code < 4000 });
  return [errorEvent(error), { ...ended, reason: error.code }];
}
