import type { VoxwireError } from "../errors/voxwire-error.js";
import type { ErrorEvent } from "../events/inbound.js";
import type { WireFrame } from "../events/wire-frame.js";

/** The `error` event for a typed error, optionally with the frame that caused it. */
export function errorEvent(error: VoxwireError, raw?: WireFrame): ErrorEvent {
  const event: ErrorEvent = {
    type: "error",
    code: error.code,
    message: error.message,
    fatal: error.fatal,
    retryable: error.retryable,
    error,
  };
  if (raw !== undefined) event.raw = raw;
  return event;
}
