// The `workerd` export condition's build (dist/index.workerd.js): the same sources, ESM only,
// with every module that has a `.workerd.ts` twin replaced by it (the resampler kernel arrives as
// an imported `.wasm` module, upgrade headers go through fetch, no `ws`), and the kernel written
// out as dist/resampler-kernel.wasm for that import. Run by tsup.config.ts after the main build;
// wrangler (and any bundler asked for the `workerd` condition) picks it up through `exports`.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const KERNEL_FILE = "resampler-kernel.wasm";

/** `./x.js` → `./x.workerd.ts` where that twin exists; the kernel import stays an import beside the entry. */
const workerdTwins: Plugin = {
  name: "workerd-twins",
  setup(builder) {
    builder.onResolve({ filter: /^\.{1,2}\/.*\.js$/ }, (args) => {
      const twin = join(args.resolveDir, args.path.replace(/\.js$/, ".workerd.ts"));
      return existsSync(twin) ? { path: twin } : undefined;
    });
    builder.onResolve({ filter: /\.wasm$/ }, () => ({ path: `./${KERNEL_FILE}`, external: true }));
  },
};

/** The kernel's bytes, from the hex module wasm/build.mjs generates (the one source of them). */
function kernelBytes(): Buffer {
  const source = readFileSync(join(here, "src/audio/resampler-kernel-wasm-bytes.ts"), "utf8");
  const hex = /"([0-9a-f]+)"/.exec(source)?.[1];
  if (!hex) throw new Error("no hex kernel in src/audio/resampler-kernel-wasm-bytes.ts");
  return Buffer.from(hex, "hex");
}

export async function buildWorkerd(): Promise<void> {
  await build({
    absWorkingDir: here,
    entryPoints: { "index.workerd": "src/index.ts" },
    outdir: "dist",
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    packages: "external",
    sourcemap: true,
    sourcesContent: false,
    plugins: [workerdTwins],
    logLevel: "warning",
  });
  writeFileSync(join(here, "dist", KERNEL_FILE), kernelBytes());
}
