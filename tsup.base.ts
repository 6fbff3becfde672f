import type { Options } from "tsup";

/**
 * The build every voxwire package shares: ESM and CJS, each with its own declaration files
 * (`.d.ts` and `.d.cts`, so `import` and `require` get matching types), ES2022, source maps.
 * `entry` maps an output name to a source (`{ index: "src/index.ts", "testing/index": … }`).
 */
export function libraryOptions(entry: Record<string, string>, extra: Options = {}): Options {
  return { entry, format: ["esm", "cjs"], dts: true, sourcemap: true, clean: true, target: "es2022", ...extra };
}
