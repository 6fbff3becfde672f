// voxwire's own Orbitali client in a real Chromium: the app's backend route made with
// createOrbitaliSessionRoute (node:http), then connect(orbitali({ session })) in the page with the
// application at 48 kHz both ways; the simulator checks that the wire carried 16 kHz in and 24 kHz out.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { joinSamples, type Simulator, silence, speech, startSimulator } from "@voxwire/conformance";
import { bundlePage, ensureChromium, launchChromium } from "@voxwire/test-utils";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrbitaliSessionRoute } from "../../src/index.js";
import { orbitaliFront } from "../../src/testing/index.js";
import { utterancesMs } from "../orbitali-helpers.js";
import type { OrbitaliConnectPage } from "./orbitali-connect-page.js";

const KEY = "orb_live_C0nnectPageK3y_77";
const AGENT = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";
const USER = joinSamples([silence(48000, 1.5), speech(48000), silence(48000, 1)]);

let sim: Simulator;
let app: Server;
let browser: Browser;
let page: Page;
const appRequests: string[] = [];

/** What the page script puts on `window`. */
type PageWindow = { orbitali: OrbitaliConnectPage };

beforeAll(async () => {
  const script = await bundlePage(fileURLToPath(new URL("./orbitali-connect-page.ts", import.meta.url)));
  sim = await startSimulator({ front: orbitaliFront(), fast: true, keys: [KEY] });
  const route = createOrbitaliSessionRoute({ apiKey: KEY, agentId: AGENT, baseUrl: sim.url });
  app = createServer((req, res) => {
    appRequests.push(`${req.method} ${req.url}`);
    if (req.url === "/api/voice-token") return void route.node(req, res);
    if (req.url === "/page.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    if (req.url === "/speech.pcm") return void res.writeHead(200).end(Buffer.from(USER.buffer, USER.byteOffset, USER.byteLength));
    if (req.url === "/") return void res.writeHead(200, { "content-type": "text/html" }).end('<!doctype html><script src="/page.js"></script>');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  ensureChromium();
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(app.address() as AddressInfo).port}/`);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => app?.close(resolve));
  await sim?.close();
});

describe("@voxwire/orbitali in Chromium through connect()", () => {
  it("48 kHz in the page, 16 kHz in and 24 kHz out on the wire; an orb_live_ key is refused in the page", async () => {
    await page.evaluate((agent) => (window as unknown as PageWindow).orbitali.start(agent), AGENT);
    // The answer's audio follows its transcript: wait for all of it (the resampler holds a few ms back).
    const received = () => page.evaluate(() => (window as unknown as PageWindow).orbitali.result().chunkSamples);
    while ((await received()) < sim.sessions()[0]!.sent.audioSamples * 2 * 0.97) await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await page.evaluate(() => (window as unknown as PageWindow).orbitali.finish());

    // The permanent key never left the page: refused by prepare(), no request made for it.
    expect(result.refusal).toMatchObject({ code: "invalid_config", vendorCode: "secret_key_in_browser" });
    expect(result.refusal!.message).not.toContain("PageK3y");
    expect(appRequests.filter((r) => r.includes("realtime-sessions"))).toEqual([]);

    expect(result.errors).toEqual([]);
    expect(result.wire).toEqual({
      outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 },
      inbound: { encoding: "pcm16", sampleRate: 24000 },
    });
    expect(result.callIds).toEqual(["call_sim-1"]);
    expect(result.transcripts.map((t) => t.role)).toEqual(["agent", "user", "agent"]);

    const record = sim.sessions()[0]!;
    expect(record.rates).toEqual({ user: 16000, agent: 24000 });
    expect(Object.keys(record.received.audio.frameSamples)).toEqual(["320"]);
    expect(result.dropped).toBe(0);
    expect(Math.abs(record.agent.utterances[0]!.durationMs - utterancesMs(USER, 48000)[0]!)).toBeLessThanOrEqual(40);
    // Everything the agent said arrived at 48 kHz: twice the 24 kHz samples, less the resampler's hold-back.
    expect(result.chunkRates).toEqual([48000]);
    expect(result.chunkSamples).toBeGreaterThanOrEqual(record.sent.audioSamples * 2 * 0.97);
    expect(result.chunkSamples).toBeLessThanOrEqual(record.sent.audioSamples * 2);

    expect(result.ended).toEqual({ reason: "closed", code: 1000 });
    expect(record.received.commands.map((c) => c.type)).toContain("session-stop");
  }, 120_000);
});
