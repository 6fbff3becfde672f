// The repository's layering, as a test: no import reaches into another package by relative
// path, @voxwire/conformance depends on core alone, package dependencies form no cycle, and the
// folders inside core import each other without cycles.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const SKIP = new Set(["node_modules", "dist", ".turbo", ".git", ".voxwire-tmp"]);

/** Every package folder: packages/*, conformance and examples/* with a package.json. */
function packageDirs(): string[] {
  const dirs = [join(ROOT, "conformance")];
  for (const parent of ["packages", "examples"]) {
    for (const name of readdirSync(join(ROOT, parent))) {
      const dir = join(ROOT, parent, name);
      if (statSync(dir).isDirectory() && exists(join(dir, "package.json"))) dirs.push(dir);
    }
  }
  return dirs;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Module specifiers of static imports, re-exports and dynamic imports with a literal. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[\s;])(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|vi\.mock\(\s*import\(\s*["']([^"']+)["']/gm;
  for (const match of source.matchAll(pattern)) found.push((match[1] ?? match[2] ?? match[3])!);
  return found;
}

const packages = packageDirs();
const owner = (file: string) => packages.find((dir) => file.startsWith(`${dir}/`));
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, Record<string, string>>;

describe("repository layout", () => {
  it("no file imports another package's files by relative path", () => {
    const crossings: string[] = [];
    for (const dir of packages) {
      for (const file of sourceFiles(dir)) {
        for (const spec of specifiers(readFileSync(file, "utf8"))) {
          if (!spec.startsWith(".")) continue;
          const target = resolve(dirname(file), spec);
          const home = owner(target);
          if (home !== undefined && home !== dir) crossings.push(`${relative(ROOT, file)} → ${spec}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it("@voxwire/conformance depends on @voxwire/core and no other voxwire package", () => {
    const json = manifest(join(ROOT, "conformance"));
    const voxwire = Object.keys({ ...json.dependencies, ...json.peerDependencies, ...json.devDependencies }).filter((name) =>
      name.startsWith("@voxwire/"),
    );
    expect(voxwire).toEqual(["@voxwire/core"]);
  });

  it("workspace packages depend on each other without a cycle", () => {
    const byName = new Map(packages.map((dir) => [manifest(dir).name as unknown as string, dir]));
    const edges = new Map<string, string[]>();
    for (const [name, dir] of byName) {
      const json = manifest(dir);
      const deps = Object.keys({ ...json.dependencies, ...json.devDependencies, ...json.peerDependencies });
      edges.set(
        name,
        deps.filter((dep) => byName.has(dep) && dep !== name),
      );
    }
    expect(findCycle(edges)).toBeUndefined();
  });

  it("core's folders import each other without a cycle", () => {
    const src = join(ROOT, "packages/core/src");
    const folderOf = (file: string) => relative(src, file).split("/").slice(0, -1).join("/") || ".";
    const edges = new Map<string, string[]>();
    for (const file of sourceFiles(src)) {
      if (file.endsWith(".test.ts")) continue;
      const from = folderOf(file);
      for (const spec of specifiers(readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) continue;
        const to = folderOf(resolve(dirname(file), spec));
        if (to !== from && !to.startsWith("..")) edges.set(from, [...(edges.get(from) ?? []), to]);
      }
    }
    expect(findCycle(edges)).toBeUndefined();
  });
});

/** A cycle in a directed graph, as the path that closes it, or undefined. */
function findCycle(edges: ReadonlyMap<string, readonly string[]>): string | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "open") return [...stack.slice(stack.indexOf(node)), node].join(" → ");
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}
