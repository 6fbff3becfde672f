// `@voxwire/omnia/testing`: the simulator's vendor front and the conformance subjects (Omnia and
// the Ultravox preset), for tests and the CLI.
export { OMNIA_SAMPLE_AGENT, type OmniaFrontOptions, omniaFront } from "./front.js";
export { omniaSubject, ultravoxSubject } from "./subject.js";
