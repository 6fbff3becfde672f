// API reports: one checked-in Markdown file per public entry point of each publishable package,
// listing every exported name with its kind and its declaration as the build's `.d.ts` states it.
// A change to a package's public surface then shows in review as a diff of `api/*.api.md`.
//
//   node scripts/api-report.mjs [--check] [package-dir …]
//
// Without directories: every workspace package that is not private and exports types.
// Without --check: (re)writes `<package>/api/<entry>.api.md` (entry `.` → index, `./testing` → testing).
// With --check: writes nothing; exits 1 with a diff when a report is stale, missing or orphaned.
// Reads `dist/`, so it runs after the build (`npx pnpm@10 api` builds first).
//
// It uses the TypeScript compiler API on the bundled declarations tsup emits. Imports from other
// packages are not followed: a name re-exported from `@voxwire/core` is listed as such, and its
// declaration lives in core's report. Declarations the exports reference but the entry does not
// export (api-extractor's "forgotten exports") get their own section, since they are surface too.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const check = args.includes("--check");
const dirs = args.filter((a) => !a.startsWith("--")).map((d) => resolve(d));

/** Workspace package directories (pnpm-workspace.yaml's globs are `dir/*` or a plain `dir`). */
function workspaceDirs() {
  const yaml = readFileSync(join(root, "pnpm-workspace.yaml"), "utf8");
  const globs = [...yaml.matchAll(/^\s*-\s*["']?([^"'\n]+)["']?\s*$/gm)].map((m) => m[1]);
  const out = [];
  for (const glob of globs) {
    if (glob.endsWith("/*")) {
      const base = join(root, glob.slice(0, -2));
      for (const name of readdirSync(base).sort()) out.push(join(base, name));
    } else out.push(join(root, glob));
  }
  return out.filter((d) => existsSync(join(d, "package.json")));
}

/** `{ entry: "testing", subpath: "./testing", dts: "<abs>/dist/testing/index.d.ts" }` per typed export. */
function entries(dir, pkg) {
  const out = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    const types = typeof target === "object" ? (target.import?.types ?? target.types) : undefined;
    if (typeof types !== "string") continue;
    const entry = subpath === "." ? "index" : subpath.replace(/^\.\//, "").replaceAll("/", "-");
    out.push({ entry, subpath, dts: join(dir, types) });
  }
  return out;
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

function kindOf(decl) {
  const K = ts.SyntaxKind;
  switch (decl.kind) {
    case K.FunctionDeclaration:
      return "function";
    case K.ClassDeclaration:
      return "class";
    case K.InterfaceDeclaration:
      return "interface";
    case K.TypeAliasDeclaration:
      return "type";
    case K.EnumDeclaration:
      return "enum";
    case K.ModuleDeclaration:
      return "namespace";
    case K.VariableDeclaration:
      return decl.parent.flags & ts.NodeFlags.Const ? "const" : "let";
    default:
      return K[decl.kind];
  }
}

/** The node to print for a declaration: a variable's whole statement, else the declaration. */
function printable(decl) {
  return ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
}

function print(decl) {
  const text = printer.printNode(ts.EmitHint.Unspecified, printable(decl), decl.getSourceFile());
  // Drop `export`/`declare` noise so a report shows the shape, not the bundler's layout.
  return text.replace(/^(export )?(declare )?/, "");
}

/** One package's reports: `Map<entry file name, Markdown>`. */
function reportsFor(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const list = entries(dir, pkg);
  const distDir = join(dir, "dist") + sep;
  const missing = list.filter((e) => !existsSync(e.dts));
  if (missing.length > 0) {
    throw new Error(`${pkg.name}: ${missing.map((e) => relative(root, e.dts)).join(", ")} missing; build first (npx pnpm@10 build)`);
  }
  const options = { noEmit: true, skipLibCheck: true, types: [], noLib: true, allowJs: false, module: ts.ModuleKind.Preserve };
  const host = ts.createCompilerHost(options, true);
  // Follow only relative imports (the bundle's shared chunks); another package is not this surface.
  host.resolveModuleNameLiterals = (literals, containingFile) =>
    literals.map((lit) => {
      if (!lit.text.startsWith(".")) return { resolvedModule: undefined };
      const base = resolve(dirname(containingFile), lit.text).replace(/\.(c|m)?js$/, "");
      for (const ext of [".d.ts", ".d.cts", ".d.mts"]) {
        const file = base + ext;
        if (existsSync(file)) return { resolvedModule: { resolvedFileName: file, extension: ext, isExternalLibraryImport: false } };
      }
      return { resolvedModule: undefined };
    });
  const program = ts.createProgram(
    list.map((e) => e.dts),
    options,
    host,
  );
  const checker = program.getTypeChecker();
  const distPrefix = distDir.replaceAll(sep, "/");
  const inPackage = (node) => node.getSourceFile().fileName.replaceAll(sep, "/").startsWith(distPrefix);

  /** Where an exported symbol comes from: `{ from: "pkg" }` for another package's, else its declarations. */
  function origin(symbol) {
    let s = symbol;
    for (let i = 0; i < 50 && s.flags & ts.SymbolFlags.Alias; i++) {
      for (const d of s.declarations ?? []) {
        const spec = ts.isImportSpecifier(d)
          ? d.parent.parent.parent.moduleSpecifier
          : ts.isExportSpecifier(d)
            ? d.parent.parent.moduleSpecifier
            : ts.isNamespaceImport(d) || ts.isImportClause(d)
              ? (d.parent.parent ?? d.parent).moduleSpecifier
              : ts.isNamespaceExport(d)
                ? d.parent.moduleSpecifier
                : undefined;
        if (spec && ts.isStringLiteral(spec) && !spec.text.startsWith(".")) {
          const imported = ts.isImportSpecifier(d) || ts.isExportSpecifier(d) ? (d.propertyName ?? d.name).text : "*";
          return { from: spec.text, imported };
        }
      }
      const next = checker.getImmediateAliasedSymbol(s);
      if (!next || next === s) break;
      s = next;
    }
    return { declarations: (s.declarations ?? []).filter(inPackage), symbol: s };
  }

  const reports = new Map();
  for (const e of list) {
    const file = program.getSourceFile(e.dts);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    const exported = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
    const exportedTargets = new Set();
    const rows = [];
    for (const sym of [...exported].sort((a, b) => byName(a.name, b.name))) {
      const o = origin(sym);
      if (o.symbol) exportedTargets.add(o.symbol);
      rows.push({ name: sym.name, ...o });
    }

    // Declarations in this package's bundle that the exports mention but do not export.
    const forgotten = new Map();
    const visit = (node) => {
      if (ts.isIdentifier(node)) {
        let s = checker.getSymbolAtLocation(node);
        if (s && s.flags & ts.SymbolFlags.Alias) {
          const o = origin(s);
          s = o.symbol;
        }
        const decls = (s?.declarations ?? []).filter((d) => inPackage(d) && isTopLevel(d));
        if (s && decls.length > 0 && !exportedTargets.has(s) && !forgotten.has(s)) {
          forgotten.set(s, decls);
          for (const d of decls) ts.forEachChild(printable(d), visit);
        }
      }
      ts.forEachChild(node, visit);
    };
    for (const r of rows) for (const d of r.declarations ?? []) ts.forEachChild(printable(d), visit);

    const lines = [
      `# \`${e.subpath === "." ? pkg.name : `${pkg.name}/${e.subpath.slice(2)}`}\``,
      "",
      `<!-- Generated by \`npx pnpm@10 api\` (scripts/api-report.mjs) from ${relative(dir, e.dts).replaceAll(sep, "/")}. Do not edit. -->`,
      "",
      `## Exports (${rows.length})`,
      "",
    ];
    for (const r of rows) {
      if (r.from) {
        const as = r.imported !== r.name && r.imported !== "*" ? ` (as \`${r.imported}\`)` : "";
        lines.push(`- \`${r.name}\` — re-exported from \`${r.from}\`${as}`);
      }
    }
    // `export * from "other-package"`: not followed (see the top), but never silently left out.
    const starFrom = (file?.statements ?? [])
      .filter((st) => ts.isExportDeclaration(st) && !st.exportClause && st.moduleSpecifier && !st.moduleSpecifier.text.startsWith("."))
      .map((st) => st.moduleSpecifier.text)
      .sort(byName);
    for (const from of starFrom) lines.push(`- everything \`${from}\` exports — \`export * from "${from}"\``);
    if (rows.some((r) => r.from) || starFrom.length > 0) lines.push("");
    for (const r of rows) {
      if (r.from) continue;
      const kinds = [...new Set(r.declarations.map(kindOf))].join(", ");
      const declaredAs = r.symbol && r.symbol.name !== r.name ? ` (declared as \`${r.symbol.name}\`)` : "";
      lines.push(`### \`${r.name}\` — ${kinds || "unknown"}${declaredAs}`, "", "```ts", ...r.declarations.map(print), "```", "");
    }
    if (forgotten.size > 0) {
      lines.push(`## Referenced but not exported (${forgotten.size})`, "");
      lines.push("Types the exports mention that this entry does not export itself (consider exporting them).", "");
      for (const [s, decls] of [...forgotten].sort(([a], [b]) => byName(a.name, b.name))) {
        lines.push(`### \`${s.name}\` — ${[...new Set(decls.map(kindOf))].join(", ")}`, "", "```ts", ...decls.map(print), "```", "");
      }
    }
    reports.set(`${e.entry}.api.md`, `${lines.join("\n").trimEnd()}\n`);
  }
  return { name: pkg.name, reports };
}

/** Code-point order, so a report does not depend on the machine's locale. */
function byName(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isTopLevel(decl) {
  const node = printable(decl);
  return ts.isSourceFile(node.parent);
}

function diff(oldPath, text) {
  const tmp = mkdtempSync(join(tmpdir(), "voxwire-api-"));
  const fresh = join(tmp, "fresh.api.md");
  writeFileSync(fresh, text);
  const old = existsSync(oldPath) ? oldPath : "/dev/null";
  const label = relative(root, oldPath);
  let r = spawnSync("diff", ["-u", "--label", `${label} (committed)`, "--label", `${label} (from dist)`, old, fresh], { encoding: "utf8" });
  if (r.error) r = spawnSync("git", ["diff", "--no-index", "--no-color", "--", old, fresh], { encoding: "utf8" });
  rmSync(tmp, { recursive: true, force: true });
  return r.stdout || r.stderr || "(no diff output)";
}

const targets = dirs.length > 0 ? dirs : workspaceDirs();
let stale = 0;
let written = 0;
for (const dir of targets) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (pkg.private || entries(dir, pkg).length === 0) continue;
  const { name, reports } = reportsFor(dir);
  const apiDir = join(dir, "api");
  const onDisk = existsSync(apiDir) ? readdirSync(apiDir).filter((f) => f.endsWith(".api.md")) : [];
  if (!check) {
    mkdirSync(apiDir, { recursive: true });
    for (const f of onDisk) if (!reports.has(f)) rmSync(join(apiDir, f));
    for (const [f, text] of reports) {
      const path = join(apiDir, f);
      if (!existsSync(path) || readFileSync(path, "utf8") !== text) {
        writeFileSync(path, text);
        written++;
      }
    }
    continue;
  }
  for (const [f, text] of reports) {
    const path = join(apiDir, f);
    if (existsSync(path) && readFileSync(path, "utf8") === text) continue;
    stale++;
    console.error(`\n${name}: ${relative(root, path)} is ${existsSync(path) ? "stale" : "missing"}:\n`);
    console.error(diff(path, text));
  }
  for (const f of onDisk) {
    if (reports.has(f)) continue;
    stale++;
    console.error(`\n${name}: ${relative(root, join(apiDir, f))} describes an entry the package no longer exports.`);
  }
}
if (check && stale > 0) {
  console.error(
    `\nAPI report check failed: ${stale} report(s) differ from the built declarations.\n` +
      "If the change to the public surface is intended, run `npx pnpm@10 api` and commit packages/*/api and conformance/api.",
  );
  process.exit(1);
}
if (!check) console.log(`api reports: ${written} written`);
