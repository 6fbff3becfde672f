import { BootstrapError, type VoxwireError } from "@voxwire/core";
import type { ObservedRefusal } from "./auth-refusal.js";
import type { LiveCall } from "./live-call.js";

/** What a `connect()` that threw looked like on the wire. */
export function observedRefusal(error: VoxwireError | undefined, upgradeStatus?: number): ObservedRefusal {
  if (!error) return { kind: "other", errorCode: "unknown" };
  if (isBootstrapError(error)) return { kind: "bootstrap", status: error.status, errorCode: error.code };
  if (upgradeStatus !== undefined && upgradeStatus !== 101) return { kind: "upgrade", status: upgradeStatus, errorCode: error.code };
  return { kind: "other", errorCode: error.code };
}

/** What the end of an opened call looked like: its close code and the error reported with it. */
export function observedClose(call: LiveCall): ObservedRefusal {
  const ended = call.of("session-ended").at(-1)?.event;
  const error = call.of("error").find((e) => e.event.fatal)?.event;
  return { kind: "close", code: ended?.code, errorCode: error?.code ?? ended?.reason };
}

/** By code, not `instanceof`: works across copies of core. */
export function isBootstrapError(error: VoxwireError): error is BootstrapError {
  return error.code === BootstrapError.code && typeof (error as Partial<BootstrapError>).status === "number";
}
