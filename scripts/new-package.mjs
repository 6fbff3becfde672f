// Scaffolds a workspace package with the shared build, test and packaging setup.
// Usage: node scripts/new-package.mjs <dir> <name> "<description>"
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, name, description] = process.argv.slice(2);
if (!dir || !name) {
  console.error("usage: node scripts/new-package.mjs <dir> <name> <description>");
  process.exit(2);
}
const depth = dir.split("/").length;
const up = "../".repeat(depth);
mkdirSync(join(dir, "src"), { recursive: true });

const pkg = {
  name,
  version: "0.1.0",
  description,
  license: "MIT",
  type: "module",
  sideEffects: false,
  engines: { node: ">=20.19.0" },
  files: ["dist", "src", "!src/**/*.test.ts"],
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.cts",
  exports: {
    ".": {
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    },
    "./package.json": "./package.json",
  },
  scripts: {
    build: "tsup",
    typecheck: "tsc --noEmit -p .",
    lint: `biome lint --config-path=${up} .`,
    test: "vitest run",
    "check:package": "publint --strict --pack npm && attw --pack . --profile node16",
  },
  dependencies: name === "@voxwire/core" ? {} : { "@voxwire/core": "workspace:*" },
};
const write = (file, text) => {
  const path = join(dir, file);
  if (!existsSync(path)) writeFileSync(path, text);
};
write("package.json", `${JSON.stringify(pkg, null, 2)}\n`);
write(
  "tsconfig.json",
  `${JSON.stringify({ extends: `${up}tsconfig.base.json`, compilerOptions: { types: ["node"] }, include: ["src", "test", "bench", "*.ts"] }, null, 2)}\n`,
);
write(
  "tsup.config.ts",
  `import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
});
`,
);
write(
  "vitest.config.ts",
  `import { defineProject } from "vitest/config";
import { workspaceAlias } from "${up}vitest.shared.js";

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { name: "${name.replace("@voxwire/", "")}", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
`,
);
write("README.md", `# ${name}\n\n${description}\n`);
