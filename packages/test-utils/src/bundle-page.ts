// Bundles a page script for Chromium (the Orbitali browser tests; Chromium itself: chromium.ts).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The part of esbuild's API used here (its types are not resolvable from this package). */
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

/** Bundles a page script for Chromium with esbuild, reached through tsup (whose dependency it is). */
export async function bundlePage(entry: string): Promise<string> {
  const requireFromTsup = createRequire(createRequire(import.meta.url).resolve("tsup"));
  const esbuild = requireFromTsup("esbuild") as EsbuildLike;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome110",
    // Workspace packages from their sources, as the tests import them; `ws` is Node's socket only.
    alias: {
      "@voxwire/core": root("packages/core/src/index.ts"),
      "@voxwire/orbitali": root("packages/orbitali/src/index.ts"),
    },
    external: ["ws"],
    logLevel: "error",
  });
  return result.outputFiles[0]!.text;
}
