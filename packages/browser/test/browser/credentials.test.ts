// Credentials and failures in headless Chromium: permanent secret keys refused before anything is
// opened, the backend-token pattern (token-first's createTokenRoute) working end to end, and a
// denied microphone or a refused key surfacing as typed error events.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { ensureChromium, launchChromium, pollUntil } from "@voxwire/test-utils";
import { createTokenRoute } from "@voxwire/token-first";
import { tokenFirstFront } from "@voxwire/token-first/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PageConfig } from "./conversation-page.js";
import { openConversationPage, pageLog } from "./open-conversation-page.js";
import { type PageServer, startPageServer } from "./page-server.js";
import { writeToneWav } from "./tone.js";

const OMNI_KEY = "pyai_test_browserK3y";
const TOKEN_FIRST_KEY = "tf_test_Br0wserK3y";

let tmp: string;
let omniSim: Simulator;
let tokenSim: Simulator;
let pages: PageServer;
let browser: Browser;

beforeAll(async () => {
  ensureChromium();
  tmp = mkdtempSync(join(tmpdir(), "voxwire-browser-"));
  const wav = join(tmp, "tone.wav");
  writeToneWav(wav, 440);
  omniSim = await startSimulator({ front: omniFront(), keys: [OMNI_KEY], fast: true });
  tokenSim = await startSimulator({ front: tokenFirstFront(), keys: [TOKEN_FIRST_KEY], fast: true });
  // The application's backend route: it holds the key and hands the page a single-use token.
  pages = await startPageServer({ tokenRoute: createTokenRoute({ apiUrl: tokenSim.url, apiKey: TOKEN_FIRST_KEY }) });
  browser = await launchChromium({ fakeMicWav: wav });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await pages?.close();
  await omniSim?.close();
  await tokenSim?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const startInPage = (config: PageConfig): Promise<Page> => openConversationPage(browser, pages.url, config);

describe("secret keys in a browser", () => {
  it.each([
    ["omni", "pyai_live_S3cretLiveKey0123"],
    ["token-first-key", "tf_live_S3cretLiveKey0123"],
    ["orbitali-key", "orb_live_S3cretLiveKey0123"],
  ] as const)(
    "%s: refused with an explanation before the microphone, the AudioContext or any socket",
    async (dialect, key) => {
      const sessionsBefore = omniSim.sessions().length + tokenSim.sessions().length;
      const tab = await startInPage({ dialect, key, simulatorUrl: dialect === "omni" ? omniSim.url : tokenSim.url, rate: 16000 });
      await tab.waitForFunction(() => window.vx.log.ended);
      const log = await pageLog(tab);
      expect(log.readyError).toMatchObject({ code: "invalid_config", vendorCode: "secret_key_in_browser", name: "ConfigError" });
      expect(log.readyError!.message).toMatch(/never|must not/);
      expect(log.readyError!.message).not.toContain(key);
      expect(log.errors).toEqual([expect.objectContaining({ code: "invalid_config", vendorCode: "secret_key_in_browser", fatal: true })]);
      expect(JSON.stringify(log)).not.toContain(key);
      expect(log.getUserMediaCalls).toBe(0);
      expect(await tab.evaluate(() => window.vx.conversation?.audioContext === undefined)).toBe(true);
      expect(omniSim.sessions().length + tokenSim.sessions().length).toBe(sessionsBefore);
      await tab.close();
    },
    20_000,
  );
});

describe("the backend-token pattern", () => {
  it("token-first: the page gets a token from its own backend route (createTokenRoute), never the key, and streams 640-byte frames at 16 kHz", async () => {
    expect(pages.script).not.toContain(TOKEN_FIRST_KEY);
    const tab = await startInPage({ dialect: "token-first-route" });
    let log = await pageLog(tab);
    expect(log.readyError).toBeUndefined();
    expect(log.capture).toMatchObject({ sampleRate: 16000, frameSamples: 320 });
    const record = await pollUntil(() => {
      const r = tokenSim.sessions().at(-1);
      return r !== undefined && r.received.audio.frames >= 25 && r;
    }, "half a second of audio at the token-first simulator");
    expect(record.state).toBe("live");
    expect(Object.keys(record.received.audio.frameSamples)).toEqual(["320"]);
    log = await pollUntil(async () => {
      const l = await pageLog(tab);
      return (l.playback.at(-1)?.enqueuedSamples ?? 0) > 0 && l;
    }, "agent audio in the playback ring");
    expect(log.types["audio-chunk"]).toBeGreaterThan(0);
    expect(JSON.stringify(log)).not.toContain(TOKEN_FIRST_KEY);
    await tab.evaluate(() => window.vx.stop());
    await pollUntil(() => tokenSim.sessions().at(-1)!.state === "ended", "the session to end");
    await tab.close();
  }, 20_000);
});

describe("failures surface as typed error events", () => {
  it("a denied microphone rejects the start with MicrophoneError and closes the session opened meanwhile", async () => {
    const tab = await startInPage({ dialect: "omni", simulatorUrl: omniSim.url, key: OMNI_KEY, rate: 16000, denyMicrophone: true });
    await tab.waitForFunction(() => window.vx.log.ended);
    const log = await pageLog(tab);
    expect(log.readyError).toMatchObject({ code: "microphone_unavailable", vendorCode: "NotAllowedError", name: "MicrophoneError" });
    expect(log.errors).toEqual([expect.objectContaining({ code: "microphone_unavailable", vendorCode: "NotAllowedError" })]);
    expect(log.contextState).toBe("closed");
    await pollUntil(() => omniSim.sessions().every((s) => s.state === "ended" || s.state === "refused"), "every session to be closed");
    await tab.close();
  }, 20_000);

  it("a key the vendor refuses (Omni close 4401): the start rejects with auth_failed, and the conversation releases everything", async () => {
    const tab = await startInPage({ dialect: "omni", simulatorUrl: omniSim.url, key: "pyai_test_WrongK3y99", rate: 16000 });
    await tab.waitForFunction(() => window.vx.log.ended);
    const log = await pageLog(tab);
    // connect() rejects during the handshake now, as it does for an unreachable simulator.
    expect(log.readyError).toMatchObject({ code: "auth_failed" });
    expect(log.errors).toContainEqual(expect.objectContaining({ code: "auth_failed", fatal: true }));
    expect(JSON.stringify(log)).not.toContain("pyai_test_WrongK3y99");
    expect(log.states.at(-1)).toBe("stopped");
    expect(log.tracksLive ?? 0).toBe(0);
    expect(log.contextState).toBe("closed");
    await tab.close();
  }, 20_000);

  it("a simulator that is not there: the start rejects with a retryable network error and nothing stays open", async () => {
    const tab = await startInPage({ dialect: "omni", simulatorUrl: "http://127.0.0.1:9", key: OMNI_KEY, rate: 16000 });
    await tab.waitForFunction(() => window.vx.log.ended);
    const log = await pageLog(tab);
    expect(log.readyError).toMatchObject({ code: "network" });
    expect(log.errors).toEqual([expect.objectContaining({ code: "network", fatal: true })]);
    expect(log.contextState).toBe("closed");
    expect(log.tracksLive ?? 0).toBe(0);
    await tab.close();
  }, 20_000);
});
