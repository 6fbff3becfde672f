// The Omni browser guide's code (docs/sources.md): its capture and playback worklets (steps 1 and
// 2), start() and handleEvent() (steps 3 and 4), only the URL's scheme/host and the key changed, in
// real headless Chromium with a fake microphone, against the Omni simulator. The guide's code is
// not in the repository: it is taken out of the vendor document when the test runs and served from
// memory, inside voxwire's own page (omni-seed-000/index.html, instrument.js). Without the document
// the test is skipped, saying why.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ClipLibrary, joinSamples, type SessionRecord, type Simulator, silence, startSimulator, writeWavPcm16 } from "@voxwire/conformance";
import { codeBlock, ensureChromium, eventually, findVendorGuide, launchChromium, substituteOnce, type VendorGuide } from "@voxwire/test-utils";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { omniFront } from "../../src/testing/index.js";

const KEY = "pyai_test_browserK3y";
/** voxwire's page and instrumentation around the guide's code. */
const PAGE_DIR = fileURLToPath(new URL("./omni-seed-000/", import.meta.url));
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

interface SeedReport {
  opened: boolean;
  protocol: string | null;
  textTypes: Record<string, number>;
  binaryFrames: number;
  sentFrames: number;
  sentSizes: Record<string, number>;
  closes: { code: number; reason: string }[];
  errors: string[];
}

/**
 * The guide's code, by the file name the page loads it under: the two worklets as printed, and
 * steps 3 and 4 (start() and handleEvent()) with the URL's scheme and host and the key changed.
 * Each example is found by its first and last lines, and each change must match exactly once.
 */
function guideFiles(guide: VendorGuide, simulatorHost: string): Record<string, string> {
  const connect = codeBlock(guide, 'const API_KEY = "pyai_test_..."; // publishable/short-lived token in prod', "}");
  const events = codeBlock(guide, "function handleEvent(msg, playback) {", "}");
  return {
    "capture-processor.js": codeBlock(
      guide,
      "// 20 ms @ 24 kHz = 480 samples per frame.",
      'registerProcessor("capture-processor", CaptureProcessor);',
    ),
    "playback-processor.js": codeBlock(
      guide,
      "const CAP = 24000 * 10; // up to 10 s of buffered audio",
      'registerProcessor("playback-processor", PlaybackProcessor);',
    ),
    "omni-guide.js": `${substituteOnce(
      connect,
      [
        { what: "the URL's scheme and host", from: "`wss://api.pyai.com/v1/omni?", to: `\`ws://${simulatorHost}/v1/omni?` },
        { what: "the key", from: 'const API_KEY = "pyai_test_...";', to: `const API_KEY = "${KEY}";` },
      ],
      "the Omni browser guide's step 3",
    )}\n\n${events}\n`,
  };
}

/** Serves voxwire's page (index.html, instrument.js) and the guide's code, from memory. */
function serveSeedPage(files: Record<string, string>): Promise<Server> {
  const ours = ["index.html", "instrument.js"];
  const all: Record<string, string> = { ...files, ...Object.fromEntries(ours.map((file) => [file, readFileSync(join(PAGE_DIR, file), "utf8")])) };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://page").pathname;
    const file = path === "/" ? "index.html" : path.slice(1);
    const body = Object.hasOwn(all, file) ? all[file] : undefined;
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[file.slice(file.lastIndexOf("."))]! }).end(body);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The fake microphone: 1.5 s of silence, 1.4 s of speech (the answer clip), 1.5 s of silence; Chromium loops it. */
function writeFakeMic(dir: string): string {
  const speech = ClipLibrary.fromAssets().at("answer", 48000);
  const audio = joinSamples([silence(48000, 1.5), ...speech.frames, silence(48000, 1.5)]);
  const path = join(dir, "fake-mic.wav");
  writeFileSync(path, writeWavPcm16(audio, 48000));
  return path;
}

const guide = findVendorGuide("000");
const missing = "missing" in guide ? guide.missing : undefined;
if (missing) console.warn(`Omni browser guide page test skipped: ${missing}`);

describe.skipIf(missing !== undefined)("the Omni browser guide's page in headless Chromium", () => {
  let sim: Simulator;
  let page: Server;
  let browser: Browser;
  let tmp: string;

  beforeAll(async () => {
    ensureChromium();
    tmp = mkdtempSync(join(tmpdir(), "voxwire-seed-000-"));
    sim = await startSimulator({ front: omniFront(), keys: [KEY], fast: true });
    page = await serveSeedPage(guideFiles(guide as VendorGuide, `127.0.0.1:${sim.port}`));
    browser = await launchChromium({ fakeMicWav: writeFakeMic(tmp) });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (page) await new Promise((resolve) => page.close(resolve));
    await sim?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("streams 24 kHz microphone frames to the simulator and plays the agent's audio and events", async () => {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
    await tab.click("#start");

    // The agent answers the fake microphone's utterance once it has been silent 600 ms.
    await tab.waitForFunction(() => document.getElementById("transcript")?.textContent?.includes("user: [speech"), null, { timeout: 30_000 });
    const record: SessionRecord = sim.sessions()[0]!;
    // The answer's frames follow its transcript: wait until every frame sent so far has arrived.
    await tab.waitForFunction((sent) => (window as unknown as { seedReport: SeedReport }).seedReport.binaryFrames >= sent, record.sent.audioFrames);
    const report = (await tab.evaluate("window.seedReport")) as SeedReport;

    // The page: the key subprotocol echoed, the documented events, and the agent's audio.
    expect(report.errors).toEqual([]);
    expect(report.protocol).toBe(`pyai-key.${KEY}`);
    expect(report.textTypes).toMatchObject({ hello: 1, session_started: 1 });
    expect(report.binaryFrames).toBeGreaterThanOrEqual(record.sent.audioFrames);
    expect(record.sent.audioFrames).toBeGreaterThan(100); // greeting and answer, 20 ms each
    const transcript = await tab.textContent("#transcript");
    expect(transcript).toContain("agent: Hello, how can I help?");
    expect(transcript).toContain("agent: Sure, I can help with that.");

    // The simulator: binary PCM16 in 480-sample (20 ms at 24 kHz) frames, at about 24 000 samples a second.
    expect(record).toMatchObject({ dialect: "omni", rates: { user: 24000, agent: 24000 }, details: { rate: 24000, agentId: "agent_123" } });
    expect(record.received.binaryFrames).toBeGreaterThan(100);
    expect(record.received.textFrames).toBe(0);
    expect(Object.keys(record.received.audio.frameSamples)).toEqual(["480"]);
    expect(record.received.audio.measuredRate).toBeGreaterThan(18_000); // a 48 kHz context would read about 48 000
    expect(record.received.audio.measuredRate).toBeLessThan(30_000);
    expect(record.agent.utterances.length).toBeGreaterThanOrEqual(1);
    expect(record.agent.utterances[0]!.durationMs).toBeGreaterThan(800);

    // The guide's stop() closes the socket; the simulator records the client's close.
    await tab.evaluate("window.stop()");
    await eventually(() => sim.sessions()[0]!.state === "ended");
    expect(sim.sessions()[0]!.close?.by).toBe("client");
    await tab.close();
  }, 60_000);
});
