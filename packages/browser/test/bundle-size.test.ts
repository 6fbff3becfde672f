// Issue #18: what a browser app pays for voxwire, measured on the built dist/ (so it runs after
// the build in `npx pnpm@10 test`; skipped when a package is not built). The figures are printed;
// over a budget, the failure names the sizes and the biggest inputs. See docs/bundle-size.md.
import { describe, expect, it } from "vitest";
import { measure, missingBuilds, report, SCENARIOS } from "../../../scripts/bundle-size.mjs";

describe.skipIf(missingBuilds().length > 0)("bundle size (minified, gzip, kB = 1,000 bytes)", () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name} ≤ ${scenario.budget / 1000} kB gzip`, async () => {
      const m = await measure(scenario);
      console.log(report(m, 5));
      expect(m.gzip, `over budget\n${report(m)}`).toBeLessThanOrEqual(m.budget);
    });
  }
});
