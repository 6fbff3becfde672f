import { defineConfig } from "tsup";
import { libraryOptions } from "../tsup.base.js";

// The simulator finds its clips and goldens from import.meta.url, which the CJS build must shim.
export default defineConfig(libraryOptions({ index: "src/index.ts", vitest: "src/vitest.ts" }, { shims: true }));
