import { describeConformance } from "@voxwire/conformance/vitest";
import { openaiSubject } from "./testing/index.js";

describeConformance(openaiSubject);
