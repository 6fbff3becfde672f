import { defineConfig } from "vitest/config";
import { workspaceAlias } from "./vitest.shared.js";

export default defineConfig({
  test: {
    projects: [
      "packages/*",
      "conformance",
      // The third-party example is no workspace package (it depends on the published names). Here its suite
      // runs on the workspace sources, and outside.test.ts runs it again outside the repo, on the packed tarballs.
      {
        resolve: { alias: workspaceAlias },
        test: { name: "third-party-example", root: "examples/third-party-dialect", include: ["src/**/*.test.ts", "outside.test.ts"] },
      },
    ],
  },
});
