// @voxwire/runtimes: the runtime matrix's drills (private; the tests in test/ run them under each
// runtime). Imported by package name by the cli tests, which keep DRILL_DIALECTS equal to the registry.
export { DRILL_DIALECTS, type DrillTarget } from "./dialects.js";
export { APP_RATE, type DrillReport, type DrillRequest, drill, type RuntimeFacts, runtimeFacts } from "./drill.js";
export { type DrillInput, type DrillOutput, type RefusalReport, runDrills } from "./run-drills.js";
