// `@voxwire/token-first/testing`: the simulator's vendor front and the conformance subject, for tests and the CLI.
export { type TokenFirstFrontOptions, tokenFirstFront } from "./front.js";
export { tokenFirstSubject } from "./subject.js";
