import { defineConfig } from "tsup";
import { libraryOptions } from "../../tsup.base.js";
import { buildWorkerd } from "./tsup.workerd.js";

export default defineConfig(libraryOptions({ index: "src/index.ts" }, { onSuccess: buildWorkerd }));
