// Takes docs/images/browser-demo.png: the demo in headless Chromium (Debian's, through the shared
// launcher) with a fake microphone that speaks the answer clip twice, the second time over the
// agent's reply, so the picture shows a transcript, live levels and a barge-in.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ClipLibrary, joinSamples, silence, writeWavPcm16 } from "@voxwire/conformance";
import { ensureChromium, launchChromium } from "@voxwire/test-utils";
import { startDemo } from "./demo-server.js";

const OUTPUT = fileURLToPath(new URL("../../docs/images/browser-demo.png", import.meta.url));
const RATE = 48000;

/** silence 1.5 s, speech, silence 0.7 s (the utterance ends, the agent answers), speech again (a barge-in), silence 4 s. */
function fakeMicrophone(dir: string): string {
  const speech = ClipLibrary.fromAssets().at("answer", RATE).frames;
  const all = joinSamples([silence(RATE, 1.5), ...speech, silence(RATE, 0.7), ...speech, silence(RATE, 4)]);
  const path = join(dir, "fake-mic.wav");
  writeFileSync(path, writeWavPcm16(all, RATE));
  return path;
}

export async function takeScreenshot(output = OUTPUT): Promise<void> {
  ensureChromium();
  const tmp = mkdtempSync(join(tmpdir(), "voxwire-demo-shot-"));
  const demo = await startDemo({ port: 0 });
  const browser = await launchChromium({ fakeMicWav: fakeMicrophone(tmp) });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 540 }, deviceScaleFactor: 1 });
    await page.goto(demo.url);
    await page.click("#start");
    // The barge-in, then the agent's next answer under way: transcript, levels and indicator all populated.
    await page.waitForFunction(() => document.querySelectorAll("#lines .line.cut").length > 0, null, { timeout: 30_000 });
    await page.waitForFunction(() => document.querySelectorAll("#lines .line.agent").length >= 3, null, { timeout: 30_000 });
    await page.waitForFunction(() => Number.parseFloat(document.getElementById("out-bar")!.style.width) > 40, null, { timeout: 30_000 });
    // The barge-in pill fades after 1.5 s; keep it lit for the picture.
    await page.evaluate(() => document.getElementById("barge")!.classList.add("on"));
    await page.screenshot({ path: output });
    await page.click("#stop");
  } finally {
    await browser.close();
    await demo.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
