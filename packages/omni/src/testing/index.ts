// `@voxwire/omni/testing`: what tests and the CLI need beyond the public API (the simulator's
// vendor front, the conformance subject, the wire constants a raw test client speaks).
export { omniFront } from "./front.js";
export { OMNI_SAMPLE_AGENT, omniSubject } from "./subject.js";
