import { defineConfig } from "tsup";

// The runtimes' entries, ESM, with every voxwire package left as an import: Node, Bun and Deno
// resolve them to the built dist/ themselves; the workerd test bundles the worker entry.
export default defineConfig({
  entry: { "entry-script": "src/entry-script.ts", "entry-worker": "src/entry-worker.ts" },
  format: ["esm"],
  target: "es2022",
  clean: true,
  dts: false,
  sourcemap: false,
});
