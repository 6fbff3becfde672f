// The Orbitali guide's route and browser class (docs/sources.md, "Code Example"), with only the
// host changed and the class's empty capture method filled minimally, in a real Chromium with a
// fake microphone, against the Orbitali simulator. The page is served by a plain node:http app:
// `/api/voice-token` runs the guide's route. Neither is in the repository: the test takes both out
// of the vendor document when it runs and bundles them into a temporary folder; voxwire's own part
// of the page is orbitali-seed-page.ts. Without the document the test is skipped, saying why.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { joinSamples, type Simulator, silence, speech, startSimulator, writeWavPcm16 } from "@voxwire/conformance";
import {
  type BundleEntry,
  bundlePage,
  bundleScript,
  codeBlock,
  ensureChromium,
  eventually,
  findVendorGuide,
  launchChromium,
  substituteOnce,
  type VendorGuide,
} from "@voxwire/test-utils";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orbitaliFront } from "../../src/testing/index.js";
import { utterancesMs } from "../orbitali-helpers.js";
import type { SeedPageReport } from "./orbitali-seed-page.js";

const KEY = "orb_live_Br0wserTestK3y_42";
const AGENT = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The line of the class's empty `startMicrophoneCapture` after which voxwire's capture is called. */
const CAPTURE_LEFT_TO_READER = '    // ws.send(JSON.stringify({ type: "input_audio", audio: "..." }))';
/** The stand-in for Next.js's `NextResponse`, the one thing the guide's route imports: the standard `Response.json`. */
const NEXT_SERVER_STAND_IN = "export const NextResponse = { json: (body, init) => Response.json(body, init) };";

/**
 * The page script: the guide's class as printed, its empty `startMicrophoneCapture` calling
 * voxwire's captureMicrophone (one line added, after the method's two comments), bundled with
 * orbitali-seed-page.ts, which mounts it.
 */
function seedPageEntry(guide: VendorGuide): BundleEntry {
  const guideClass = substituteOnce(
    codeBlock(guide, "class OrbitaliVoiceConnection {", "}"),
    [
      {
        what: "the empty microphone capture",
        from: CAPTURE_LEFT_TO_READER,
        to: `${CAPTURE_LEFT_TO_READER}\n    captureMicrophone(this.ws!); // filled in (voxwire): orbitali-seed-page.ts`,
      },
    ],
    "the Orbitali guide's browser class",
  );
  return {
    contents: `import { captureMicrophone, mountSeedPage } from "./orbitali-seed-page.ts";\n\n${guideClass}\n\nmountSeedPage(OrbitaliVoiceConnection);\n`,
    resolveDir: here("."),
    sourcefile: "orbitali-guide-page.ts",
  };
}

/**
 * The guide's route `app/api/voice-token/route.ts` as printed but for the host (the simulator's
 * URL for `https://api.orbitali.ai`), bundled for Node into `dir` with NextResponse stood in for,
 * and imported: its `POST`. It reads ORBITALI_AGENT_ID and ORBITALI_API_KEY, as printed.
 */
async function seedVoiceTokenRoute(guide: VendorGuide, dir: string, orbitaliUrl: string): Promise<() => Promise<Response>> {
  const route = substituteOnce(
    codeBlock(guide, 'import { NextResponse } from "next/server";', "}"),
    [{ what: "the host", from: "`https://api.orbitali.ai/public/v1/agents/", to: `\`${orbitaliUrl}/public/v1/agents/` }],
    "the Orbitali guide's route",
  );
  const code = await bundleScript(
    { contents: route, resolveDir: dir, sourcefile: "route.ts" },
    { platform: "node", stubs: { "next/server": NEXT_SERVER_STAND_IN } },
  );
  const file = joinPath(dir, "route.mjs");
  writeFileSync(file, code);
  const { POST } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { POST: () => Promise<Response> };
  return POST;
}

const PAGE_HTML = `<!doctype html><meta charset="utf-8"><title>Orbitali guide page</title>
<button id="start">Start</button> <button id="stop">Stop</button><script src="/page.js"></script>`;

/** The fake microphone: real speech, then 1.5 s of silence (Chromium loops the file). */
const MIC = joinSamples([speech(48000), silence(48000, 1.5)]);

const guide = findVendorGuide("004");
const missing = "missing" in guide ? guide.missing : undefined;
if (missing) console.warn(`Orbitali guide route and class test skipped: ${missing}`);

describe.skipIf(missing !== undefined)("the Orbitali guide's route and class in Chromium against the Orbitali simulator", () => {
  let sim: Simulator;
  let app: Server;
  let appUrl: string;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const consoleLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(joinPath(tmpdir(), "voxwire-orbitali-"));
    const micFile = joinPath(dir, "mic.wav");
    writeFileSync(micFile, writeWavPcm16(MIC, 48000));
    const script = await bundlePage(seedPageEntry(guide as VendorGuide));

    sim = await startSimulator({ front: orbitaliFront(), fast: true, keys: [KEY] });
    // The guide's route reads these, as it would in a Next.js deployment.
    process.env.ORBITALI_AGENT_ID = AGENT;
    process.env.ORBITALI_API_KEY = KEY;
    const POST = await seedVoiceTokenRoute(guide as VendorGuide, dir, sim.url);
    app = createServer((req, res) => {
      void (async () => {
        if (req.method === "POST" && req.url === "/api/voice-token") {
          const response = await POST();
          res.writeHead(response.status, { "content-type": "application/json" });
          res.end(await response.text());
        } else if (req.url === "/page.js") {
          res.writeHead(200, { "content-type": "text/javascript" }).end(script);
        } else if (req.url === "/favicon.ico") {
          res.writeHead(204).end();
        } else if (req.url === "/") {
          res.writeHead(200, { "content-type": "text/html" }).end(PAGE_HTML);
        } else {
          res.writeHead(404).end();
        }
      })();
    });
    await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;

    ensureChromium();
    browser = await launchChromium({ fakeMicWav: micFile });
    page = await browser.newPage();
    page.on("console", (message) => consoleLines.push(message.text()));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (app) await new Promise((resolve) => app.close(resolve));
    await sim?.close();
    delete process.env.ORBITALI_AGENT_ID;
    delete process.env.ORBITALI_API_KEY;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const report = () => page.evaluate(() => (window as unknown as { seedReport: SeedPageReport }).seedReport);

  it("the guide's route mints a session and its class talks: 16 kHz input_audio in, 24 kHz output_audio out", async () => {
    await page.goto(appUrl);
    await page.click("#start");

    // Two whole loops of the fake microphone's speech, heard by the simulator's VAD.
    await eventually(() => (sim.sessions()[0]?.agent.utterances.length ?? 0) >= 2);
    const record = sim.sessions()[0]!;
    const seen = await report();

    expect(seen.errors).toEqual([]);
    expect(seen.callIds).toEqual(["call_sim-1"]);
    expect(consoleLines).toContain("Voice session started: call_sim-1");
    expect(seen.received["output_audio"]).toBeGreaterThan(0);
    expect(seen.outputRates).toEqual([24000]);
    expect(seen.transcripts[0]).toEqual({ role: "assistant", text: "Hello, how can I help?" });
    expect(seen.transcripts).toContainEqual({ role: "user", text: expect.stringMatching(/^\[speech /) });
    // The microphone speaks over the greeting: a barge-in, which the guide's class logs.
    expect(record.agent.bargeIns).toBeGreaterThanOrEqual(1);
    expect(seen.received["clear"]).toBeGreaterThanOrEqual(1);
    expect(consoleLines).toContain("User interrupted the agent. Clearing audio buffer.");

    // What the simulator received: JSON input_audio only, decoded at the declared 16 kHz ...
    expect(record.rates).toEqual({ user: 16000, agent: 24000 });
    expect(record.received.binaryFrames).toBe(0);
    expect(record.received.audio.frames).toBeGreaterThan(0);
    expect(record.received.commands.filter((c) => c.type === "error")).toEqual([]);
    expect(seen.sent["input_audio"]).toBeGreaterThanOrEqual(record.received.audio.frames);
    // ... and really 16 kHz: a whole utterance lasts, in samples at 16 kHz, what the speech in the
    // microphone file lasts (sent at 48 or 24 kHz it would measure 3 or 1.5 times as long).
    const spoken = utterancesMs(MIC, 48000)[0]!;
    const heard = record.agent.utterances[1]!.durationMs;
    expect(Math.abs(heard - spoken)).toBeLessThanOrEqual(spoken * 0.15);
  }, 120_000);

  it("stopSession() sends stop and the simulator ends the session cleanly", async () => {
    await page.click("#stop");
    await eventually(() => sim.sessions()[0]?.close !== undefined);
    const record = sim.sessions()[0]!;
    expect(record.received.commands.map((c) => c.type)).toContain("session-stop");
    expect(record.close?.code).toBe(1000);
    expect((await report()).sent["stop"]).toBe(1);
  }, 60_000);
});
