// What a browser app pays for voxwire: each scenario is bundled with Rolldown and esbuild from the BUILT
// packages (dist/ ESM, resolved through their `exports` for the browser as an app's bundler would),
// minified, tree-shaken and split for the browser, then gzipped with node:zlib; the figure is what a
// page loads up front (code behind import() is listed apart). kB = 1,000 bytes. See docs/bundle-size.md.
//
//   node scripts/bundle-size.mjs          prints the table; exit code 1 when a budget is exceeded
//   packages/browser/test/bundle-size.test.ts runs it inside `npx pnpm@10 test` (after the build)
//
// esbuild (the version tsup uses) and rolldown are @voxwire/browser's devDependencies, resolved from there.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
// Resolved from the browser package, which depends on core, omni and itself is the kit.
const resolveDir = `${root}packages/browser`;

/**
 * The bundlers each scenario is measured with: Rolldown (Vite's production builds) and esbuild.
 * Both put whole files in chunks, so core's browser build ships one file per module (see
 * tsup.twins.ts). esbuild also puts up front every file a used file imports, even for a name no one
 * uses, which is why core's index, not the audio barrel, exports the resampler.
 */
export const BUNDLERS = ["rolldown", "esbuild"];

/**
 * The scenarios and their gzip budgets in bytes, issue #18's figures: a test fails when either
 * bundler's output is over one.
 */
export const SCENARIOS = [
  {
    name: "connect + omni",
    // #18's budget. Up front: the session runtime (live-session alone is 17 kB minified), secret
    // redaction, typed close/HTTP errors and Omni's codecs. Loaded when used: the resampler (4.0 kB),
    // by a session whose rates differ from the wire's, and the bootstrap code, by a dialect with one.
    budget: 20_000,
    source: 'export { connect } from "@voxwire/core";\nexport { omni } from "@voxwire/omni";\n',
  },
  {
    name: "connect + omni + startConversation",
    // #18's budget. The kit resamples the microphone, so the resampler is up front here.
    budget: 35_000,
    source:
      'export { connect } from "@voxwire/core";\nexport { omni } from "@voxwire/omni";\nexport { startConversation } from "@voxwire/browser";\n',
  },
];

/** The dist/ files the scenarios need; missing ones mean "build first". */
export const REQUIRED_BUILDS = ["core", "omni", "browser"].map((name) => `${root}packages/${name}/dist/index.js`);

export const missingBuilds = () => REQUIRED_BUILDS.filter((file) => !existsSync(file));

/** An input's path from the repository root, or from its package inside node_modules. */
const packageRelative = (input) => input.replace(root, "").replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, "");

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** `node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js` → `zod`; `packages/core/dist/index.js` → `@voxwire/core`. */
function packageOf(input) {
  const modules = input.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = input.slice(modules + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const workspace = /(?:^|\/)packages\/([^/]+)\//.exec(input);
  if (workspace) return `@voxwire/${workspace[1]}`;
  return input;
}

/** The scenario's source as the entry file of a split build (esbuild's splitting needs real entry points). */
const entryPlugin = (source) => ({
  name: "bundle-size-entry",
  setup(build) {
    build.onResolve({ filter: /^bundle-size-entry$/ }, () => ({ path: "bundle-size-entry", namespace: "bundle-size" }));
    build.onLoad({ filter: /.*/, namespace: "bundle-size" }, () => ({ contents: source, loader: "js", resolveDir }));
  },
});

/**
 * Bundles one scenario with code splitting, as an app's bundler does by default (Vite, webpack,
 * Rollup): a module reached only through `import()` is a chunk of its own, fetched when that
 * code runs. `minified` and `gzip` count what the page loads up front, the entry and the chunks
 * it imports statically (each file gzipped on its own, as a server sends it); `lazy` lists the
 * rest. `contributors` are the up-front inputs by minified bytes in the output (before gzip),
 * biggest first; `packages` the same summed by package.
 */
export async function measure(scenario, bundler = "rolldown") {
  const { byteCounts, lazy, contributors } = await (bundler === "esbuild" ? measureWithEsbuild : measureWithRolldown)(scenario);
  const byPackage = new Map();
  for (const { input, bytes } of contributors) byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + bytes);
  const packages = [...byPackage].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
  return {
    name: scenario.name,
    bundler,
    budget: scenario.budget,
    minified: byteCounts.reduce((n, c) => n + c.minified, 0),
    gzip: byteCounts.reduce((n, c) => n + c.gzip, 0),
    lazy,
    contributors,
    packages,
  };
}

/** The entry chunks and, transitively, their static imports: what a page loads before its code runs. */
function staticClosure(entries, staticImportsOf) {
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const imported of staticImportsOf(chunk)) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return seen;
}

const gzipOf = (code) => ({ minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).byteLength });

async function measureWithEsbuild(scenario) {
  const esbuild = createRequire(`${resolveDir}/package.json`)("esbuild");
  const result = await esbuild.build({
    entryPoints: ["bundle-size-entry"],
    plugins: [entryPlugin(scenario.source)],
    bundle: true,
    splitting: true,
    // Never written; the metafile names outputs relative to absWorkingDir.
    absWorkingDir: root,
    outdir: `${root}bundle-size-out`,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    treeShaking: true,
    metafile: true,
    logLevel: "silent",
  });
  const outputs = result.metafile.outputs;
  const files = new Map(result.outputFiles.map((file) => [file.path.replace(root, ""), file.contents]));
  const entry = Object.keys(outputs).find((path) => outputs[path].entryPoint !== undefined);
  // The entry and, transitively, its static imports: what a page loads before its code runs.
  const upFront = staticClosure([entry], (path) =>
    outputs[path].imports.filter((i) => i.kind === "import-statement" && !i.external).map((i) => i.path),
  );
  const sizeOf = (path) => gzipOf(files.get(path));
  const byteCounts = [...upFront].map(sizeOf);
  const lazy = Object.keys(outputs)
    .filter((path) => !upFront.has(path) && path.endsWith(".js"))
    .map((path) => ({ inputs: Object.keys(outputs[path].inputs).map(packageRelative), ...sizeOf(path) }));
  const contributors = [...upFront]
    .flatMap((path) => Object.entries(outputs[path].inputs))
    .map(([input, { bytesInOutput }]) => ({ input, bytes: bytesInOutput }))
    .filter((c) => c.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { byteCounts, lazy, contributors };
}

/** Rolldown, the bundler of Vite's production builds: the same scenario, minified and split. */
async function measureWithRolldown(scenario) {
  const { rolldown } = await import(createRequire(`${resolveDir}/package.json`).resolve("rolldown"));
  const bundle = await rolldown({
    input: "bundle-size-entry",
    cwd: root,
    platform: "browser",
    logLevel: "silent",
    resolve: { conditionNames: ["browser", "import", "default"] },
    plugins: [
      {
        name: "bundle-size-entry",
        resolveId: (id) => (id === "bundle-size-entry" ? `${resolveDir}/bundle-size-entry.js` : null),
        load: (id) => (id === `${resolveDir}/bundle-size-entry.js` ? scenario.source : null),
      },
    ],
  });
  const { output } = await bundle.generate({ format: "esm", minify: true });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === "chunk").map((c) => [c.fileName, c]));
  const entries = [...chunks.values()].filter((c) => c.isEntry).map((c) => c.fileName);
  const upFront = staticClosure(entries, (name) => chunks.get(name).imports.filter((imported) => chunks.has(imported)));
  const inputsOf = (chunk) => Object.keys(chunk.modules).filter((id) => chunk.modules[id].renderedLength > 0);
  return {
    byteCounts: [...upFront].map((name) => gzipOf(chunks.get(name).code)),
    lazy: [...chunks.values()].filter((c) => !upFront.has(c.fileName)).map((c) => ({ inputs: inputsOf(c).map(packageRelative), ...gzipOf(c.code) })),
    contributors: [...upFront]
      .flatMap((name) => Object.entries(chunks.get(name).modules))
      .map(([input, m]) => ({ input, bytes: m.renderedLength }))
      .filter((c) => c.bytes > 0)
      .sort((a, b) => b.bytes - a.bytes),
  };
}

/** Every scenario with every bundler in BUNDLERS. */
export const measureAll = () => Promise.all(SCENARIOS.flatMap((scenario) => BUNDLERS.map((bundler) => measure(scenario, bundler))));

/** One line per scenario: sizes and budget. */
export function summary(m) {
  const line = `${m.name} (${m.bundler}): ${kB(m.minified)} minified, ${kB(m.gzip)} gzip (budget ${kB(m.budget)} gzip)`;
  return m.gzip > m.budget ? `${line} OVER BUDGET` : line;
}

/** The summary and what the bytes are (minified, before gzip): by package, then the top inputs. */
export function report(m, top = 10) {
  const rel = packageRelative;
  return [
    summary(m),
    `  by package (${m.bundler === "rolldown" ? "bytes before minifying" : "minified bytes"}): ` +
      m.packages.map((p) => `${p.name} ${kB(p.bytes)}`).join(", "),
    `  top ${top} inputs:`,
    ...m.contributors.slice(0, top).map((c) => `    ${kB(c.bytes).padStart(9)}  ${rel(c.input)}`),
    ...m.lazy.map((chunk) => `  loaded when used (import()): ${kB(chunk.minified)} minified, ${kB(chunk.gzip)} gzip: ${chunk.inputs.join(", ")}`),
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const missing = missingBuilds();
  if (missing.length > 0) {
    console.error(`bundle-size: build first (npx pnpm@10 build); missing ${missing.map((f) => f.replace(root, "")).join(", ")}`);
    process.exit(2);
  }
  const all = await measureAll();
  for (const m of all) console.log(report(m));
  process.exitCode = all.some((m) => m.gzip > m.budget) ? 1 : 0;
}
