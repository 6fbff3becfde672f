import type { CarrierLeg, CarrierRoute, PhoneBridgeServer, PhoneServerOptions } from "@voxwire/phone";
import { createPhoneBridge as servePhone } from "@voxwire/phone";
import { type CarrierName, type CarrierSettings, resolveCarriers } from "./carriers.js";

/** The path every carrier's stream may use when the carrier is detected. */
export const DEFAULT_DETECT_PATH = "/media";

export interface CarrierBridgeOptions extends Omit<PhoneServerOptions, "carriers" | "detect"> {
  /**
   * `"auto"`: every carrier, each at its own paths (`/<carrier>/answer`, `/<carrier>/media`), and
   * the carrier detected from the upgrade and the opening messages on the shared `detectPath`.
   * A list (names, legs, routes): only those, fixed per route; detection on `detectPath` only when it is given.
   */
  carriers: "auto" | readonly (CarrierName | CarrierLeg | CarrierRoute)[];
  /** Each carrier's options, by name (credentials are never logged). */
  settings?: CarrierSettings;
  /** The shared stream path where the carrier is detected (default `/media` with `"auto"`); `false` for none. */
  detectPath?: string | false;
}

/**
 * The phone bridge for every carrier on one port: `createPhoneBridge({ agent, carriers: "auto" })`
 * serves Twilio, Telnyx, Plivo, Asterisk, Vonage, Exotel and SignalWire, each at its routes, and
 * detects which one a stream on `/media` is.
 */
export function createPhoneBridge(options: CarrierBridgeOptions): Promise<PhoneBridgeServer> {
  const { carriers, settings, detectPath, ...rest } = options;
  const path = detectPath === false ? undefined : (detectPath ?? (carriers === "auto" ? DEFAULT_DETECT_PATH : undefined));
  return servePhone({ ...rest, carriers: resolveCarriers(carriers, settings), ...(path ? { detect: { path } } : {}) });
}
