// The shared conformance suite (conformance/README.md): the Media Streams golden frames through
// both roles, decoding that never throws, and the phone leg's live scenarios: Twilio dials the
// application (role "server"), so the stream is served and the Twilio simulator dials it.
import { describeConformance } from "../../../conformance/src/vitest.js";
import { twilio } from "./twilio.js";

describeConformance({ name: "twilio", client: () => twilio() });
