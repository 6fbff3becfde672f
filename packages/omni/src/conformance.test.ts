// The shared conformance suite (conformance/README.md): this dialect's golden frames through both
// roles, decoding that never throws, and the live scenarios against its built-in simulator.
import { describeConformance } from "../../../conformance/src/vitest.js";

describeConformance("omni");
