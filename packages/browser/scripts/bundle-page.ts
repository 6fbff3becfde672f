// Bundles a page script for the browser from the workspace sources (every @voxwire/* package from
// its src/, the worklet scripts inlined as the package build does). Used by the real-browser
// tests and by the demo server (examples/browser-demo), so neither needs a build step.
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { workletDefines } from "./worklet-bundles.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** `@voxwire/<name>` → packages/<name>/src/index.ts (conformance is Node-only and never bundled). */
const workspaceSources: Plugin = {
  name: "voxwire-workspace-sources",
  setup(b) {
    b.onResolve({ filter: /^@voxwire\/[a-z0-9-]+$/ }, (args) => {
      const name = args.path.slice("@voxwire/".length);
      return { path: `${root}packages/${name}/src/index.ts` };
    });
  },
};

/** The page script as one ES module, with an inline source map. Fails on any Node built-in import. */
export async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    sourcemap: "inline",
    define: await workletDefines(),
    plugins: [workspaceSources],
    // Core's session imports `ws` lazily, on Node only.
    external: ["ws"],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}
