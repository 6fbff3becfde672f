import { defineProject } from "vitest/config";
import { workspaceAlias } from "../../vitest.shared.js";

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: { name: "phone", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});
