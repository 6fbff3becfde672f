// Debian's Chromium, headless, driven by playwright-core (`npx playwright install` cannot work
// here: it downloads a browser build). Shared by every browser test.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Installs Debian's chromium when it is missing (minutes on a fresh machine; a no-op after). */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  const script = fileURLToPath(new URL("../../../scripts/ensure-debian-packages.sh", import.meta.url));
  execFileSync("bash", [script, "chromium:chromium"], { stdio: "inherit" });
}

/**
 * Launches headless Chromium whose microphone plays `fakeMicWav` (looped), with the permission
 * prompt auto-accepted; `extraArgs` are further command-line switches.
 */
export function launchChromium(options: { fakeMicWav?: string; extraArgs?: readonly string[] } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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
      ...(options.fakeMicWav ? [`--use-file-for-fake-audio-capture=${options.fakeMicWav}`] : []),
      ...(options.extraArgs ?? []),
    ],
  });
}
