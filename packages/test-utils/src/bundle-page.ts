// Bundles a page script for Chromium (the Orbitali browser tests; Chromium itself: chromium.ts), or
// a module for Node: code a test has put together at run time (a vendor guide's example, taken out
// of the document, vendor-guides.ts), with the packages it imports stood in for.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The part of esbuild's API used here (its types are not resolvable from this package). */
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

interface PluginBuildLike {
  onResolve(options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; namespace: string }): void;
  onLoad(options: { filter: RegExp; namespace: string }, callback: (args: { path: string }) => { contents: string; loader: string }): void;
}

/** A file to bundle, or TypeScript source text with the folder its relative imports resolve from. */
export type BundleEntry = string | { contents: string; resolveDir: string; sourcefile: string };

export interface BundleOptions {
  /** `browser` (the default): an IIFE for a page; `node`: an ES module for Node. */
  platform?: "browser" | "node";
  /** Stand-ins, by import specifier (`"next/server"`): the JavaScript source of each. */
  stubs?: Readonly<Record<string, string>>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Bundles a page script for Chromium with esbuild, reached through tsup (whose dependency it is). */
export function bundlePage(entry: BundleEntry): Promise<string> {
  return bundleScript(entry);
}

/** Bundles `entry` with esbuild for a page or for Node, each stubbed import replaced by its stand-in. */
export async function bundleScript(entry: BundleEntry, options: BundleOptions = {}): Promise<string> {
  const requireFromTsup = createRequire(createRequire(import.meta.url).resolve("tsup"));
  const esbuild = requireFromTsup("esbuild") as EsbuildLike;
  const stubs = options.stubs ?? {};
  const names = Object.keys(stubs);
  const node = options.platform === "node";
  const result = await esbuild.build({
    ...(typeof entry === "string" ? { entryPoints: [entry] } : { stdin: { ...entry, loader: "ts" } }),
    bundle: true,
    write: false,
    format: node ? "esm" : "iife",
    platform: node ? "node" : "browser",
    target: node ? "node20" : "chrome110",
    // Workspace packages from their sources, as the tests import them; `ws` is Node's socket only.
    alias: {
      "@voxwire/core": root("packages/core/src/index.ts"),
      "@voxwire/orbitali": root("packages/orbitali/src/index.ts"),
    },
    external: ["ws"],
    plugins:
      names.length === 0
        ? []
        : [
            {
              name: "voxwire-stubs",
              setup(build: PluginBuildLike) {
                build.onResolve({ filter: new RegExp(`^(${names.map(escapeRegExp).join("|")})$`) }, (args) => ({
                  path: args.path,
                  namespace: "voxwire-stub",
                }));
                build.onLoad({ filter: /.*/, namespace: "voxwire-stub" }, (args) => ({ contents: stubs[args.path]!, loader: "js" }));
              },
            },
          ],
    logLevel: "error",
  });
  return result.outputFiles[0]!.text;
}
