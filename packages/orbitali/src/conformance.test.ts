// The shared conformance suite (docs/conformance.md): goldens through both roles, decoding any
// frame sequence never throws, and the live scenarios against the built-in simulator.
import { describeConformance } from "@voxwire/conformance/vitest";
import { orbitaliSubject } from "./testing/index.js";

describeConformance(orbitaliSubject);
