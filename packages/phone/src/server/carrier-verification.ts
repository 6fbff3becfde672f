import { ConfigError, type Logger } from "@voxwire/core";
import type { CarrierLeg, CarrierRequest } from "../carrier.js";

/** A request carrying nothing: a leg with a secret refuses it, a leg without one says `undefined`. */
const BLANK_REQUEST: CarrierRequest = { url: "http://localhost/", method: "POST", headers: {}, body: "", form: new URLSearchParams() };

/**
 * Whether a leg checks its carrier's requests: `verify` answers `undefined` exactly when no secret
 * is configured (the `CarrierLeg` contract), so a blank request tells, for the webhook or the stream.
 */
export function legVerifies(leg: CarrierLeg): boolean {
  if (!leg.verify) return false;
  for (const kind of ["webhook", "stream"] as const) {
    try {
      if (leg.verify(BLANK_REQUEST, kind) !== undefined) return true;
    } catch {
      return true; // a check that throws on a blank request is a check
    }
  }
  return false;
}

/**
 * Safe by default: without a way to verify the carrier, anyone could open a stream and with it an
 * agent session billed to the operator. The server refuses to start unless `allowUnsigned` says
 * so, and then warns once.
 */
export function requireVerifiedCarriers(legs: readonly CarrierLeg[], allowUnsigned: boolean | undefined, log: Logger): void {
  const unsigned = legs.filter((leg) => !legVerifies(leg));
  if (unsigned.length === 0) return;
  const names = unsigned.map((leg) => leg.name).join(", ");
  if (allowUnsigned === true) {
    log.warn(`allowUnsigned: requests for ${names} are not verified; anyone who finds this server can open agent sessions on your key`);
    return;
  }
  const needs = unsigned.map((leg) => `${leg.name}: ${leg.verifiedBy ?? "its secret"}`).join("; ");
  throw new ConfigError(
    `the phone bridge would accept unsigned requests for ${names}: give each its secret (${needs}), or pass allowUnsigned: true (--allow-unsigned) to run without`,
  );
}
