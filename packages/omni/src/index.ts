// `@voxwire/omni`: the dialect factory and what its options need. The wire constants and the
// codecs are internal; simulators and tests reach them through `@voxwire/omni/testing`.
export { OMNI_CAPABILITIES, type OmniOptions, omni } from "./omni.js";
// OMNI_RATES: what `rate` accepts (OmniRate is made of it).
export { OMNI_RATES, type OmniRate } from "./wire.js";
