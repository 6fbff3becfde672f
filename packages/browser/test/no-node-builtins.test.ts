// The package must run in a browser: no Node built-in anywhere in what it ships. Checked on the
// package bundled from its sources (as tsup bundles it), on the worklet scripts, and on dist/
// when a build is present (`npx pnpm@10 test` builds first).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleWorklet, WORKLET_BUNDLES, workletDefines } from "../scripts/worklet-bundles.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (specifier: string) => specifier.startsWith("node:") || BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0]!);

/** Every module specifier a built file imports or requires. */
function specifiersIn(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
    /^\s*import\s*["']([^"']+)["']/gm,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

/** Records every import esbuild resolves while bundling, built-in or not. */
function recordImports(seen: string[]): Plugin {
  return {
    name: "record-imports",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== "entry-point") seen.push(args.path);
        return undefined;
      });
    },
  };
}

describe("no Node built-ins", () => {
  it("in the package as bundled from its sources (ESM and CJS): the only outside import is @voxwire/core", async () => {
    const seen: string[] = [];
    for (const format of ["esm", "cjs"] as const) {
      const result = await build({
        entryPoints: [`${packageDir}src/index.ts`],
        bundle: true,
        write: false,
        format,
        platform: "neutral",
        external: ["@voxwire/core"],
        define: await workletDefines(),
        plugins: [recordImports(seen)],
        logLevel: "silent",
      });
      expect(specifiersIn(result.outputFiles[0]!.text)).toEqual(["@voxwire/core"]);
    }
    expect(seen.filter(isBuiltin)).toEqual([]);
  });

  it("in the worklet scripts, bundled with core's audio code", async () => {
    for (const bundle of WORKLET_BUNDLES) {
      const code = await bundleWorklet(bundle);
      expect(specifiersIn(code)).toEqual([]);
    }
  });

  it.skipIf(!existsSync(`${packageDir}dist`))("in dist/ (the published build)", () => {
    const files = readdirSync(`${packageDir}dist`).filter((f) => /\.(c?js)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const specifiers = specifiersIn(readFileSync(`${packageDir}dist/${file}`, "utf8"));
      expect(specifiers.filter(isBuiltin), file).toEqual([]);
      expect(specifiers, file).toEqual(["@voxwire/core"]);
    }
  });
});
