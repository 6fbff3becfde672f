import { defineConfig } from "vitest/config";

// The example's own tests (`npx vitest run`): the shared conformance suite on Echo JSON.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"] },
});
