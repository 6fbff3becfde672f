import type { PhoneLegSubject } from "@voxwire/conformance";
import { twilio } from "../twilio.js";
import { simulateTwilioCall } from "./twilio-call.js";

/** The Twilio Media Streams leg as the shared suite and the CLI see it: served on `/media`, dialed by the Twilio simulator. */
export const twilioSubject: PhoneLegSubject = {
  name: "twilio",
  summary: "Twilio Media Streams (Twilio dials the application: JSON text, 20 ms 8 kHz μ-law, marks, clear, DTMF)",
  dialect: () => twilio(),
  path: "/media",
  dial: (options) => simulateTwilioCall(options),
};
