// What the Orbitali browser tests share: Chromium (installed through the Debian script when
// absent) and a page bundle made with esbuild.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** The part of esbuild's API used here (its types are not resolvable from this package). */
interface EsbuildLike {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

/** Bundles a page script for Chromium with esbuild, reached through tsup (whose dependency it is). */
export async function bundlePage(entry: string): Promise<string> {
  const requireFromTsup = createRequire(createRequire(import.meta.url).resolve("tsup"));
  const esbuild = requireFromTsup("esbuild") as EsbuildLike;
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome110",
    // Workspace packages from their sources, as the tests import them; `ws` is Node's socket only.
    alias: {
      "@voxwire/core": root("packages/core/src/index.ts"),
      "@voxwire/orbitali": root("packages/orbitali/src/index.ts"),
    },
    external: ["ws"],
    logLevel: "error",
  });
  return result.outputFiles[0]!.text;
}

/** Headless Chromium with the flags the brief names; a fake microphone reads `micWav` when given. */
export async function launchChromium(micWav?: string): Promise<Browser> {
  execFileSync("bash", [root("scripts/ensure-debian-packages.sh"), "chromium:chromium"], { stdio: "inherit" });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      ...(micWav ? [`--use-file-for-fake-audio-capture=${micWav}`] : []),
    ],
  });
}
