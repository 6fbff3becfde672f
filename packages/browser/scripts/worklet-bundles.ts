// Bundles each AudioWorklet processor, with the core audio code it uses, into one self-contained
// ES module script. The scripts reach src/worklets/worklet-sources.ts as `define` constants: in
// tsup.config.ts (the package), vitest.config.ts (tests) and the esbuild bundles of the test
// pages and the demo, so they are always built from the current sources of this package and core.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const coreSource = fileURLToPath(new URL("../../core/src/index.ts", import.meta.url));

export interface WorkletBundle {
  /** The processor module's source file, relative to the package. */
  entry: string;
  /** The identifier src/worklets/worklet-sources.ts reads. */
  define: string;
  /** The processor it registers. */
  processor: string;
}

export const WORKLET_BUNDLES: readonly WorkletBundle[] = [
  { entry: "src/worklets/capture-processor.ts", define: "__VOXWIRE_CAPTURE_WORKLET__", processor: "voxwire-capture" },
  { entry: "src/worklets/playback-processor.ts", define: "__VOXWIRE_PLAYBACK_WORKLET__", processor: "voxwire-playback" },
];

/** The processor's script: ESM without imports or exports, ASCII only (it becomes a Blob or data: URL). */
export async function bundleWorklet(bundle: WorkletBundle): Promise<string> {
  const result = await build({
    entryPoints: [`${packageDir}${bundle.entry}`],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    charset: "ascii",
    legalComments: "none",
    // Core from its sources (its package.json says sideEffects: false, so only the audio code stays).
    alias: { "@voxwire/core": coreSource },
    // Core's session loads `ws` lazily on Node only; tree-shaking drops it, this only keeps it out of resolution.
    external: ["ws"],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** Every worklet script, by its define identifier, as JSON string literals (what `define` options take). */
export async function workletDefines(): Promise<Record<string, string>> {
  const entries = await Promise.all(WORKLET_BUNDLES.map(async (b) => [b.define, JSON.stringify(await bundleWorklet(b))] as const));
  return Object.fromEntries(entries);
}
