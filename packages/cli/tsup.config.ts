import { defineConfig } from "tsup";

// The `voxwire` executable: ESM only (it uses top-level await), no types; nothing else is published.
export default defineConfig({
  entry: { cli: "src/bin.ts" },
  format: ["esm"],
  sourcemap: true,
  clean: true,
  target: "es2022",
  banner: { js: "#!/usr/bin/env node" },
});
