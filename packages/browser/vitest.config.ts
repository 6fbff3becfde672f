import { defineProject } from "vitest/config";
import { workspaceAlias } from "../../vitest.shared.js";
import { workletDefines } from "./scripts/worklet-bundles.js";

export default defineProject(async () => ({
  resolve: { alias: workspaceAlias },
  // The worklet scripts, as the package build inlines them.
  define: await workletDefines(),
  test: { name: "browser", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
}));
