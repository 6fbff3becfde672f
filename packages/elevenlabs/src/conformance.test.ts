import { describeConformance } from "@voxwire/conformance/vitest";
import { elevenlabsSubject } from "./testing/index.js";

describeConformance(elevenlabsSubject);
