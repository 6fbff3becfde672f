import { defineConfig } from "tsup";
import { libraryOptions } from "../../tsup.base.js";

export default defineConfig(libraryOptions({ index: "src/index.ts", "testing/index": "src/testing/index.ts" }));
