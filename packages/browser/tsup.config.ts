import { defineConfig } from "tsup";
import { libraryOptions } from "../../tsup.base.js";
import { workletDefines } from "./scripts/worklet-bundles.js";

// The worklet processors, bundled with core's resampler, inlined as strings.
export default defineConfig(async () => libraryOptions({ index: "src/index.ts" }, { define: await workletDefines() }));
