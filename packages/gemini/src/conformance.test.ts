import { describeConformance } from "@voxwire/conformance/vitest";
import { geminiSubject } from "./testing/index.js";

describeConformance(geminiSubject);
