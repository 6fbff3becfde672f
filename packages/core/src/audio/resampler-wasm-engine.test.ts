import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createResampler } from "./resampler.js";
import { sine } from "./resampler-analysis.js";
import { wasmSimdAvailable } from "./resampler-wasm-engine.js";

const PACKAGE_DIR = fileURLToPath(new URL("../../", import.meta.url));

describe("the WebAssembly SIMD engine", () => {
  it("is what Node gets by default", () => {
    expect(wasmSimdAvailable()).toBe(true);
    expect(createResampler(48000, 16000).backend).toBe("wasm");
    expect(createResampler(48000, 16000, { backend: "js" }).backend).toBe("js");
  });

  it("is built from the committed WAT source (the embedded bytes are not stale)", () => {
    expect(() => execFileSync(process.execPath, ["wasm/build.mjs", "--check"], { cwd: PACKAGE_DIR, stdio: "pipe" })).not.toThrow();
  });

  it("agrees with the TypeScript loop to a rounding step", () => {
    for (const [from, to] of [
      [48000, 16000],
      [8000, 44100],
      [22050, 24000],
    ] as const) {
      for (const quality of ["fast", "voice", "high"] as const) {
        const input = sine(0.3 * Math.min(from, to), from, 3000, 0.9);
        const pcm = Int16Array.from(input, (v) => Math.round(v * 32767));
        const wasm = createResampler(from, to, { quality, backend: "wasm" });
        const js = createResampler(from, to, { quality, backend: "js" });
        const a = [...wasm.push(pcm), ...wasm.flush()];
        const b = [...js.push(pcm), ...js.flush()];
        expect(a.length).toBe(b.length);
        for (let i = 0; i < a.length; i++)
          if (Math.abs(a[i]! - b[i]!) > 1) expect.unreachable(`${from}→${to} ${quality} at ${i}: ${a[i]} vs ${b[i]}`);
        const fa = [...wasm.push(input), ...wasm.flush()];
        const fb = [...js.push(input), ...js.flush()];
        for (let i = 0; i < fa.length; i++) if (Math.abs(fa[i]! - fb[i]!) > 1e-5) expect.unreachable(`${from}→${to} ${quality} float at ${i}`);
      }
    }
  });
});
