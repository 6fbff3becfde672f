import { type AsteriskCarrierOptions, asteriskCarrier } from "@voxwire/asterisk";
import { ConfigError } from "@voxwire/core";
import { type ExotelCarrierOptions, exotelCarrier } from "@voxwire/exotel";
import type { CarrierLeg, CarrierRoute } from "@voxwire/phone";
import { type PlivoCarrierOptions, plivoCarrier } from "@voxwire/plivo";
import { type SignalWireCarrierOptions, signalwireCarrier } from "@voxwire/signalwire";
import { type TelnyxCarrierOptions, telnyxCarrier } from "@voxwire/telnyx";
import { type TwilioCarrierOptions, twilioCarrier } from "@voxwire/twilio";
import { type VonageCarrierOptions, vonageCarrier } from "@voxwire/vonage";

/** Every carrier voxwire has a leg for, by its `--carrier` name. */
export const CARRIER_NAMES = ["twilio", "telnyx", "plivo", "asterisk", "vonage", "exotel", "signalwire"] as const;
export type CarrierName = (typeof CARRIER_NAMES)[number];

/** Each carrier's options (credentials, codec, transfer target), by name. */
export interface CarrierSettings {
  twilio?: TwilioCarrierOptions;
  telnyx?: TelnyxCarrierOptions;
  plivo?: PlivoCarrierOptions;
  asterisk?: AsteriskCarrierOptions;
  vonage?: VonageCarrierOptions;
  exotel?: ExotelCarrierOptions;
  signalwire?: SignalWireCarrierOptions;
}

export function isCarrierName(name: unknown): name is CarrierName {
  return typeof name === "string" && (CARRIER_NAMES as readonly string[]).includes(name);
}

/** The leg for a carrier name, built with its settings. */
export function carrierLeg(name: CarrierName, settings: CarrierSettings = {}): CarrierLeg {
  switch (name) {
    case "twilio":
      return twilioCarrier(settings.twilio);
    case "telnyx":
      return telnyxCarrier(settings.telnyx);
    case "plivo":
      return plivoCarrier(settings.plivo);
    case "asterisk":
      return asteriskCarrier(settings.asterisk);
    case "vonage":
      return vonageCarrier(settings.vonage);
    case "exotel":
      return exotelCarrier(settings.exotel);
    case "signalwire":
      return signalwireCarrier(settings.signalwire);
    default:
      throw new ConfigError(`unknown carrier ${JSON.stringify(name)}; known: ${CARRIER_NAMES.join(", ")}`);
  }
}

/** Names, legs and routes as the phone server takes them. */
export function resolveCarriers(
  carriers: "auto" | readonly (CarrierName | CarrierLeg | CarrierRoute)[],
  settings: CarrierSettings = {},
): (CarrierLeg | CarrierRoute)[] {
  const list = carriers === "auto" ? CARRIER_NAMES : carriers;
  if (!Array.isArray(list)) throw new ConfigError('carriers is "auto" or a list of carrier names, legs or routes');
  return list.map((entry) =>
    typeof entry === "string" ? (isCarrierName(entry) ? carrierLeg(entry, settings) : carrierLeg(entry as CarrierName)) : entry,
  );
}
