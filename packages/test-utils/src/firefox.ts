// Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core (which downloads no
// browser). Its fake microphone is a sine tone of `fakeToneHz` (Firefox's own fake device: the
// `media.navigator.streams.fake` pref); it takes no audio file, unlike Chromium's.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import puppeteer, { type Browser } from "puppeteer-core";

export const FIREFOX_PATH = "/usr/bin/firefox-esr";

/** Installs Debian's firefox-esr when it is missing (minutes on a fresh machine; a no-op after). */
export function ensureFirefox(): void {
  if (existsSync(FIREFOX_PATH)) return;
  const script = fileURLToPath(new URL("../../../scripts/ensure-debian-packages.sh", import.meta.url));
  execFileSync("bash", [script, "firefox-esr:firefox-esr"], { stdio: "inherit" });
}

/** Launches headless Firefox ESR whose microphone is a `fakeToneHz` sine (1 kHz by default), with the permission prompt off. */
export function launchFirefox(options: { fakeToneHz?: number } = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: "webDriverBiDi",
    extraPrefsFirefox: {
      "media.navigator.streams.fake": true,
      "media.navigator.permission.disabled": true,
      // A server has no audio device, and an AudioContext then never leaves "suspended"; cubeb's
      // mock context (dom/media/CubebUtils.cpp, PREF_CUBEB_FORCE_MOCK_CONTEXT) stands in for one,
      // clocked in real time, as Chromium's fake output does.
      "media.cubeb.force_mock_context": true,
      ...(options.fakeToneHz === undefined ? {} : { "media.navigator.audio.fake_frequency": options.fakeToneHz }),
    },
  });
}
