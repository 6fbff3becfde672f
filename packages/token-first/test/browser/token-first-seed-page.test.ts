// The token-first guide's "5. Complete Example" page (docs/sources.md) in a real Chromium against
// the token-first simulator. The page is not in the repository: the test takes it out of the vendor
// document when it runs (from its `<!DOCTYPE html>` line to its `</html>` line), changes only
// API_URL and API_KEY (each line required to be there exactly once), serves it from memory on
// another origin than the simulator's, feeds a fake microphone and clicks Start. Without the
// document the test is skipped, saying why.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { codeBlock, ensureChromium, eventually, findVendorGuide, launchChromium, substituteOnce, type VendorGuide } from "@voxwire/test-utils";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tokenFirstFront } from "../../src/testing/index.js";

const KEY = "tf_test_Br0wserK3y";
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** A spoken line (espeak-ng, 48 kHz mono PCM16) for the fake microphone: the simulator's answer clip. */
const MIC_WAV = here("../../../../conformance/assets/clips/answer.wav");

/** The guide's page, "5. Complete Example", with only API_URL and API_KEY changed. */
function seedPage(guide: VendorGuide, apiUrl: string, apiKey: string): string {
  return substituteOnce(
    codeBlock(guide, "<!DOCTYPE html>", "</html>"),
    [
      { what: "API_URL", from: "const API_URL = 'https://your-api-url.com';", to: `const API_URL = '${apiUrl}';` },
      { what: "API_KEY", from: "const API_KEY = 'your_api_key';", to: `const API_KEY = '${apiKey}';` },
    ],
    "the token-first guide's complete example",
  );
}

const guide = findVendorGuide("001");
const missing = "missing" in guide ? guide.missing : undefined;
if (missing) console.warn(`token-first guide page test skipped: ${missing}`);

describe.skipIf(missing !== undefined)("the token-first guide's complete example page in Chromium", () => {
  let sim: Simulator;
  let pageServer: Server;
  let pageOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    // Chromium plays a beep instead of a missing file, which would hide a wrong path.
    if (!existsSync(MIC_WAV)) throw new Error(`no fake microphone file at ${MIC_WAV}`);
    ensureChromium();
    sim = await startSimulator({ front: tokenFirstFront(), fast: true, keys: [KEY] });
    const html = seedPage(guide as VendorGuide, sim.url, KEY);
    pageServer = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", resolve));
    // `localhost` (a secure context, so getUserMedia works) on another port: another origin than the simulator's 127.0.0.1.
    pageOrigin = `http://localhost:${(pageServer.address() as AddressInfo).port}`;
    browser = await launchChromium({ fakeMicWav: MIC_WAV, extraArgs: ["--autoplay-policy=no-user-gesture-required"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (pageServer) await new Promise((resolve) => pageServer.close(resolve));
    await sim?.close();
  });

  it("gets a token cross-origin, sends it first, streams the microphone in 640-byte frames and plays the agent", async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // Observation only, outside the page's script: how often the page started playing a buffer.
    await page.addInitScript(() => {
      const played = { count: 0 };
      (window as unknown as { played: typeof played }).played = played;
      const start = AudioBufferSourceNode.prototype.start;
      AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
        played.count++;
        return start.apply(this, args);
      };
    });
    const sentByPage: (string | number)[] = [];
    let agentFramesReceived = 0;
    page.on("websocket", (socket) => {
      socket.on("framesent", ({ payload }) => sentByPage.push(typeof payload === "string" ? payload : payload.byteLength));
      socket.on("framereceived", ({ payload }) => {
        if (typeof payload !== "string") agentFramesReceived++;
      });
    });

    await page.goto(`${pageOrigin}/`);
    await page.click("#start");
    await eventually(() => (sim.sessions()[0]?.received.audio.frames ?? 0) >= 25 && agentFramesReceived > 0);
    await page.waitForFunction(() => (window as unknown as { played: { count: number } }).played.count > 0);

    const record = sim.sessions()[0]!;
    expect(record.state).toBe("live"); // the simulator refuses (4400/4401) anything but a valid token first
    expect(record.details.origin).toBe(pageOrigin);
    expect(record.received.textFrames).toBe(1);
    expect(record.received.binaryFrames).toBe(record.received.audio.frames);
    expect(Object.keys(record.received.audio.frameSamples)).toEqual(["320"]);
    expect(record.sent.audioFrames).toBeGreaterThan(0);

    expect(typeof sentByPage[0]).toBe("string");
    expect(Object.keys(JSON.parse(sentByPage[0] as string))).toEqual(["token"]);
    expect(sentByPage.slice(1).every((frame) => frame === 640)).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
