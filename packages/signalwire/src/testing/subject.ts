import type { PhoneLegSubject } from "@voxwire/conformance";
import { simulateTwilioCall } from "@voxwire/twilio/testing";
import { signalwire } from "../signalwire.js";
import { DIALECT_NAME } from "../wire.js";

/** The SignalWire leg as the shared suite and the CLI see it: served on `/signalwire/media`, dialed by the Twilio simulator (the same wire). */
export const signalwireSubject: PhoneLegSubject = {
  name: DIALECT_NAME,
  summary: "SignalWire Compatibility API stream (Twilio's Media Streams wire: cXML <Connect><Stream>, X-SignalWire-Signature)",
  dialect: () => signalwire(),
  path: "/signalwire/media",
  dial: (options) => simulateTwilioCall(options),
};
