// `build:worklets`: regenerates src/worklets/generated/*.ts (committed, so sources and tests work
// without a build). Writes a file only when its content changed.
import { readFileSync, writeFileSync } from "node:fs";
import { WORKLET_BUNDLES, bundleWorklet, packagePath, renderWorkletModule } from "./worklet-bundles.js";

for (const bundle of WORKLET_BUNDLES) {
  const text = renderWorkletModule(bundle, await bundleWorklet(bundle));
  const path = packagePath(bundle.output);
  let current = "";
  try {
    current = readFileSync(path, "utf8");
  } catch {
    // first build
  }
  if (current !== text) {
    writeFileSync(path, text);
    console.error(`build-worklets: wrote ${bundle.output}`);
  }
}
