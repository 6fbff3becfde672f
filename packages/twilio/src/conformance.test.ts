// The shared conformance suite (conformance/README.md): the Media Streams golden frames through
// both roles and decoding that never throws. Twilio dials the application (role "server"), so the
// client-side live scenarios do not apply; the Twilio simulator's tests cover the live leg.
import { describeConformance } from "../../../conformance/src/vitest.js";
import { twilio } from "./twilio.js";

describeConformance({ name: "twilio", client: () => twilio() });
