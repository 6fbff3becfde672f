import { describeConformance } from "@voxwire/conformance/vitest";
import { deepgramSubject } from "./testing/index.js";

describeConformance(deepgramSubject);
