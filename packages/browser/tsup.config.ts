import { defineConfig } from "tsup";
import { workletDefines } from "./scripts/worklet-bundles.js";

export default defineConfig(async () => ({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  // The worklet processors, bundled with core's resampler, inlined as strings.
  define: await workletDefines(),
}));
