import { defineConfig } from "tsup";
import { libraryOptions } from "../../tsup.base.js";
import { buildTwins } from "./tsup.twins.js";

export default defineConfig(libraryOptions({ index: "src/index.ts" }, { onSuccess: buildTwins }));
