import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * Tests import workspace packages from their sources, so `vitest run` needs no build step
 * and a stack trace points at the .ts file. Published consumers resolve `dist/` through `exports`.
 */
export const workspaceAlias = [
  { find: /^@voxwire\/conformance$/, replacement: `${root}conformance/src/index.ts` },
  { find: /^@voxwire\/conformance\/(.*)$/, replacement: `${root}conformance/src/$1.ts` },
  { find: /^@voxwire\/([a-z0-9-]+)$/, replacement: `${root}packages/$1/src/index.ts` },
  // A package's `./testing` entry (vendor fronts, conformance subjects): src/testing/index.ts.
  { find: /^@voxwire\/([a-z0-9-]+)\/testing$/, replacement: `${root}packages/$1/src/testing/index.ts` },
];
