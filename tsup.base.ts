import type { Options } from "tsup";

/**
 * The build every voxwire package shares: ESM and CJS, each with its own declaration files
 * (`.d.ts` and `.d.cts`, so `import` and `require` get matching types), ES2022, source maps.
 * `entry` maps an output name to a source (`{ index: "src/index.ts", "testing/index": … }`).
 *
 * The maps leave out `sourcesContent`: every package ships its `src/` beside `dist/` (see each
 * package.json `files`), and the maps point there (`../src/…`), so the sources travel once.
 */
export function libraryOptions(entry: Record<string, string>, extra: Options = {}): Options {
  const { esbuildOptions, ...rest } = extra;
  return {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    ...rest,
    esbuildOptions(options, context) {
      options.sourcesContent = false;
      esbuildOptions?.(options, context);
    },
  };
}
