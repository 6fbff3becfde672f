// The shared conformance suite on the SignalWire preset: its goldens (Twilio's wire with
// SignalWire's ids) through both roles, decoding never throws, and the live phone-leg scenarios.
import { describeConformance } from "@voxwire/conformance/vitest";
import { signalwireSubject } from "./testing/index.js";

describeConformance(signalwireSubject, { fuzzRuns: 100 });
