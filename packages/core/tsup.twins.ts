// The builds of the `workerd` and `browser` export conditions (dist/index.workerd.js,
// dist/browser/index.js): the same sources, ESM only, with every module that has a twin for that
// target (`x.workerd.ts`, `x.browser.ts` beside `x.ts`) replaced by it. Run by tsup.config.ts after
// the main build; wrangler, and any bundler asked for the condition, picks them up through `exports`.
//
// - workerd: the resampler kernel arrives as an imported `.wasm` module (written out as
//   dist/resampler-kernel.wasm), upgrade headers go through fetch, no `ws`.
// - browser (dist/browser/): no `ws`, no header sockets, no `unexpected-response` watcher: code a
//   page can never run stays out of its bundle (docs/bundle-size.md). One file per source module,
//   not a bundle: an app's bundler splits by file, so only a module tree of its own lets it keep
//   what a page loads lazily (the bootstrap code, the resampler) out of what it loads up front.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const KERNEL_FILE = "resampler-kernel.wasm";

/** `./x.js` → `./x.<target>.ts` where that twin exists; the kernel import stays an import beside the entry. */
function twins(target: "workerd" | "browser"): Plugin {
  return {
    name: `${target}-twins`,
    setup(builder) {
      builder.onResolve({ filter: /^\.{1,2}\/.*\.js$/ }, (args) => {
        const twin = join(args.resolveDir, args.path.replace(/\.js$/, `.${target}.ts`));
        return existsSync(twin) ? { path: twin } : undefined;
      });
      builder.onResolve({ filter: /\.wasm$/ }, () => ({ path: `./${KERNEL_FILE}`, external: true }));
    },
  };
}

/** The kernel's bytes, from the hex module wasm/build.mjs generates (the one source of them). */
function kernelBytes(): Buffer {
  const source = readFileSync(join(here, "src/audio/resampler-kernel-wasm-bytes.ts"), "utf8");
  const hex = /"([0-9a-f]+)"/.exec(source)?.[1];
  if (!hex) throw new Error("no hex kernel in src/audio/resampler-kernel-wasm-bytes.ts");
  return Buffer.from(hex, "hex");
}

const shared = {
  absWorkingDir: here,
  outdir: "dist",
  bundle: true,
  format: "esm",
  target: "es2022",
  packages: "external",
  sourcemap: true,
  sourcesContent: false,
  logLevel: "warning",
} as const;

/**
 * The browser build's entry points: every source module (tests and other targets' twins left
 * out) under its own name, from its `.browser.ts` twin where it has one.
 */
function browserModules(dir = join(here, "src")): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(entries, browserModules(path));
    else if (/(?<!\.test|\.browser|\.workerd|\.d)\.ts$/.test(entry.name)) {
      const twin = path.replace(/\.ts$/, ".browser.ts");
      entries[relative(join(here, "src"), path).replace(/\.ts$/, "")] = existsSync(twin) ? twin : path;
    }
  }
  return entries;
}

export async function buildTwins(): Promise<void> {
  await Promise.all([
    build({ ...shared, entryPoints: { "index.workerd": "src/index.ts" }, platform: "neutral", plugins: [twins("workerd")] }),
    build({ ...shared, bundle: false, entryPoints: browserModules(), outdir: "dist/browser", platform: "browser" }),
  ]);
  writeFileSync(join(here, "dist", KERNEL_FILE), kernelBytes());
}
