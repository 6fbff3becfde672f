// Issue #18: what a browser app pays for voxwire, measured on the built dist/ (so it runs after
// the build in `npx pnpm@10 test`; skipped when a package is not built). The figures are printed;
// over a budget, the failure names the sizes and the biggest inputs. See docs/bundle-size.md.
import { describe, expect, it } from "vitest";
import { BUNDLERS, measure, missingBuilds, report, SCENARIOS } from "../../../scripts/bundle-size.mjs";

describe.skipIf(missingBuilds().length > 0)("bundle size (minified, gzip, kB = 1,000 bytes)", () => {
  for (const scenario of SCENARIOS) {
    for (const bundler of BUNDLERS) {
      it(`${scenario.name} with ${bundler} ≤ ${scenario.budget / 1000} kB gzip`, async () => {
        const m = await measure(scenario, bundler);
        console.log(report(m, 5));
        expect(m.gzip, `over budget\n${report(m)}`).toBeLessThanOrEqual(m.budget);
      });
    }
  }

  it.each(BUNDLERS)("with %s, connect + omni loads the resampler and the bootstrap code only when used", async (bundler) => {
    const m = await measure(SCENARIOS[0]!, bundler);
    const upFront = m.contributors.map((c) => c.input);
    const lazy = m.lazy.flatMap((chunk) => chunk.inputs);
    for (const module of ["audio/resampler.js", "audio/resampler-kernel-wasm-bytes.js", "session/bootstrap-plan.js"]) {
      expect(
        upFront.some((input) => input.endsWith(module)),
        module,
      ).toBe(false);
      expect(
        lazy.some((input) => input.endsWith(module)),
        module,
      ).toBe(true);
    }
  });
});
