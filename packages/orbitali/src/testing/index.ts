// `@voxwire/orbitali/testing`: the simulator's vendor front and the conformance subject, for tests and the CLI.
export { ORBITALI_SAMPLE_AGENT, type OrbitaliFrontOptions, orbitaliFront } from "./front.js";
export { orbitaliSubject } from "./subject.js";
