// startConversation in each browser the kit is tested in (Debian's headless Chromium and Firefox
// ESR), with a fake microphone playing a 440 Hz tone (Chromium: a WAV file; Firefox: its fake
// device's sine), against the Omni simulator: what reaches the simulator (rate, frame size, the
// tone's frequency), what reaches the playback worklet, and barge-in emptying the ring.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Simulator, startSimulator, toneFrequency } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { openaiFront } from "@voxwire/openai/testing";
import {
  type BrowserName,
  browserUnavailable,
  launchTestBrowser,
  type MatrixCheck,
  matrixCell,
  pollUntil,
  skipCells,
  type TestBrowser,
  type TestPage,
} from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import type { PageConfig, PageLog } from "./conversation-page.js";
import { openConversationPage, pageLog } from "./open-conversation-page.js";
import { type PageServer, startPageServer } from "./page-server.js";
import { recordingFront } from "./recording-front.js";
import { writeToneWav } from "./tone.js";

const KEY = "pyai_test_browserK3y";
const TONE_HZ = 440;
const BROWSERS: readonly { name: BrowserName; label: string }[] = [
  { name: "chromium", label: "Chromium" },
  { name: "firefox", label: "Firefox ESR" },
];

let tmp: string;
let sim: Simulator;
let openaiSim: Simulator;
const OPENAI_SECRET = "ek_browser_test_secret_0123";
let recorder: ReturnType<typeof recordingFront>;
let pages: PageServer;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "voxwire-browser-"));
  recorder = recordingFront(omniFront());
  sim = await startSimulator({ front: recorder.front, keys: [KEY], fast: true });
  openaiSim = await startSimulator({ front: openaiFront(), keys: [OPENAI_SECRET], fast: true });
  pages = await startPageServer();
}, 60_000);

afterAll(async () => {
  await openaiSim?.close();
  await pages?.close();
  await sim?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const lastPlayback = (log: PageLog) => log.playback.at(-1);

for (const { name, label } of BROWSERS) {
  describe.sequential(`startConversation in headless ${label} against the Omni simulator`, () => {
    let browser: TestBrowser | undefined;
    let unavailable: string | undefined;
    beforeAll(async () => {
      unavailable = browserUnavailable(name); // installs the Debian package when missing (minutes on a fresh machine)
      if (unavailable) return;
      const wav = join(tmp, "tone.wav");
      writeToneWav(wav, TONE_HZ);
      try {
        browser = await launchTestBrowser(name, { fakeMicWav: wav, fakeToneHz: TONE_HZ });
      } catch (error) {
        unavailable = `${label} does not start: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
      }
    }, 600_000);
    afterAll(() => browser?.close());

    /** Marks the test's cells of the runtime table for this browser; skips it, saying why, when the browser is missing. */
    const cell = (ctx: TestContext, ...checks: MatrixCheck[]): TestBrowser => {
      matrixCell(ctx, name, "browser-kit", ...checks);
      if (!browser) return skipCells(ctx, unavailable ?? `${label} did not start`);
      return browser;
    };
    const startInPage = (b: TestBrowser, config: PageConfig): Promise<TestPage> =>
      openConversationPage(b, pages.url, config, { logPageErrors: true });

    it("AudioContext forced to 48 kHz, Omni at 16 kHz: 640-byte 20 ms frames at 16 kHz carrying the 440 Hz tone; the greeting fully played", async (ctx) => {
      const tab = await startInPage(cell(ctx, "wasm-resampler", "detect-runtime"), {
        dialect: "omni",
        simulatorUrl: sim.url,
        key: KEY,
        rate: 16000,
        contextRate: 48000,
        muted: true,
      });
      let log = await pageLog(tab);
      expect(log.readyError).toBeUndefined();
      expect(log.runtime).toBe("browser");
      expect(log.contextRate).toBe(48000);
      expect(log.contextState).toBe("running");
      // Resampled in the capture worklet on WebAssembly SIMD, in both browsers.
      expect(log.capture).toMatchObject({ inputRate: 48000, sampleRate: 16000, frameSamples: 320, backend: "wasm" });
      const id = sim.sessions().at(-1)!.id;

      // Muted, the greeting plays out in full: every sample the agent sent reaches the speakers.
      // (Omni has no agent-state message; the simulator's record says when its turn is over.)
      await pollUntil(() => (sim.sessions().find((s) => s.id === id)!.sent.events["agent-state"] ?? 0) >= 2, "the agent's greeting turn to end");
      log = await pollUntil(async () => {
        const l = await pageLog(tab);
        const last = lastPlayback(l);
        return last !== undefined && last.playedSamples > 0 && last.queuedSamples === 0 && l;
      }, "the greeting to play out");
      const greeting = sim.sessions().find((s) => s.id === id)!;
      const sentMs = (greeting.sent.audioSamples / 16000) * 1000;
      const played = lastPlayback(log)!;
      expect(sentMs).toBeGreaterThan(800);
      expect(Math.abs(played.playedMs - sentMs)).toBeLessThan(30);
      expect(played).toMatchObject({ sampleRate: 48000, underruns: 0, overruns: 0, clears: 0 });
      expect(log.levels.some((l) => l.output > 0.05)).toBe(true);
      expect(log.transcripts).toContain("agent: Hello, how can I help?");

      // Unmuted, the tone goes out: 16 kHz frames whose zero crossings say 440 Hz.
      const before = recorder.audio(id).length;
      await tab.evaluate(() => window.vx.setMuted(false));
      await pollUntil(() => recorder.audio(id).length - before >= 16000 * 1.5, "1.5 s of the tone at the simulator");
      const tone = toneFrequency(recorder.audio(id).subarray(before), 16000);
      expect(tone.windows).toBeGreaterThanOrEqual(10); // at least a second of tone
      expect(Math.abs(tone.hz - TONE_HZ)).toBeLessThan(3);

      const record = sim.sessions().find((s) => s.id === id)!;
      // The simulator's own meter (periods over every loud frame, the microphone's choppy start included) agrees
      // within 1 %; a rate mistake would read ≥ 8 % off (44.1 vs 48 kHz) or 3× off (48 kHz sent as 16 kHz).
      expect(Math.abs(record.received.audio.toneHz! - TONE_HZ)).toBeLessThan(TONE_HZ * 0.01);
      expect(record.rates).toEqual({ user: 16000, agent: 16000 });
      expect(Object.keys(record.received.audio.frameSamples)).toEqual(["320"]);
      expect(record.received.textFrames).toBe(0);
      expect(record.received.bytes).toBe(record.received.binaryFrames * 640);
      expect(record.received.audio.measuredRate).toBeGreaterThan(16000 * 0.85);
      expect(record.received.audio.measuredRate).toBeLessThan(16000 * 1.15);
      log = await pageLog(tab);
      expect(log.levels.some((l) => l.input > 0.05)).toBe(true); // the browser's gain control and noise suppression lower a steady tone
      expect(log.errors).toEqual([]);

      await tab.evaluate(() => window.vx.stop());
      await pollUntil(() => sim.sessions().find((s) => s.id === id)!.state === "ended", "the session to end");
      expect(sim.sessions().find((s) => s.id === id)!.close?.by).toBe("client");
      log = await pollUntil(async () => (await pageLog(tab)).ended && pageLog(tab), "the conversation to end");
      expect(log.states).toEqual(["live", "stopping", "stopped"]);
      expect(log.tracksLive).toBe(0);
      await tab.close();
    }, 30_000);

    it("barge-in tells a vendor that truncates how much of the turn the speakers played (OpenAI, 48 kHz context)", async (ctx) => {
      const tab = await startInPage(cell(ctx), { dialect: "openai", simulatorUrl: openaiSim.url, key: OPENAI_SECRET, contextRate: 48000 });
      expect((await pageLog(tab)).readyError).toBeUndefined();
      const id = openaiSim.sessions().at(-1)!.id;
      // The tone starts at once, during the greeting: the simulator's VAD barges in.
      await pollUntil(async () => (await pageLog(tab)).bargeIns.length > 0, "the barge-in");
      const record = await pollUntil(() => {
        const r = openaiSim.sessions().find((s) => s.id === id)!;
        return r.agent.heard.length > 0 && r;
      }, "the truncation to reach the simulator");
      const bargeIn = (await pageLog(tab)).bargeIns[0]!;
      expect(record.agent.heard).toHaveLength(1);
      // What the vendor was told is what the playback worklet had rendered of the greeting, within a 20 ms frame.
      expect(Math.abs(record.agent.heard[0]!.heardMs - bargeIn.stats.playedMs)).toBeLessThanOrEqual(20);
      expect(record.agent.heard[0]!.heardMs).toBeLessThan(1100); // cut off: less than the whole greeting
      await tab.close();
    }, 30_000);

    it("barge-in: the agent's playback-clear empties the ring before the next reports, and nothing more is played (44.1 kHz context, Omni at 24 kHz)", async (ctx) => {
      const tab = await startInPage(cell(ctx, "wasm-resampler"), {
        dialect: "omni",
        simulatorUrl: sim.url,
        key: KEY,
        rate: 24000,
        contextRate: 44100,
      });
      let log = await pageLog(tab);
      expect(log.readyError).toBeUndefined();
      expect(log.capture).toMatchObject({ inputRate: 44100, sampleRate: 24000, frameSamples: 480, backend: "wasm" });
      const id = sim.sessions().at(-1)!.id;

      // The tone starts at once, during the greeting: the simulator's VAD hears speech and barges in.
      await tab.waitForFunction(() => window.vx.log.bargeIns.length > 0);
      await pollUntil(
        async () => (await pageLog(tab)).playback.length > (await pageLog(tab)).bargeIns[0]!.playbackIndex + 3,
        "three reports after the barge-in",
      );
      log = await pageLog(tab);
      const record = sim.sessions().find((s) => s.id === id)!;
      expect(record.agent.bargeIns).toBe(1);
      expect(record.sent.events["playback-clear"]).toBe(1);

      const bargeIn = log.bargeIns[0]!;
      expect(bargeIn.stats.queuedSamples).toBe(0);
      expect(bargeIn.droppedMs).toBeGreaterThan(200); // most of the 1.1 s greeting was still queued
      expect(bargeIn.heardMs + bargeIn.droppedMs).toBeLessThanOrEqual((record.sent.audioSamples / 24000) * 1000 + 5);
      // The report the worklet made the moment it applied the clear (the conversation emits it as `playback` too).
      expect(log.playback[bargeIn.playbackIndex - 1]).toEqual(bargeIn.stats);
      expect(bargeIn.stats.lastClearedMs).toBe(bargeIn.droppedMs);
      expect(bargeIn.stats.enqueuedSamples - bargeIn.stats.playedSamples).toBe(bargeIn.stats.clearedSamples);
      // Every later report: nothing queued, not one more sample played, silence at the output.
      for (const after of log.playback.slice(bargeIn.playbackIndex)) {
        expect(after.queuedSamples).toBe(0);
        expect(after.playedSamples).toBe(bargeIn.stats.playedSamples);
        expect(after.level.peak).toBe(0);
      }

      // The tone, resampled 44.1 kHz → 24 kHz in the worklet, in 960-byte frames.
      await pollUntil(() => recorder.audio(id).length >= 24000 * 1.5, "1.5 s of the tone at the simulator");
      const tone = toneFrequency(recorder.audio(id), 24000);
      expect(tone.windows).toBeGreaterThanOrEqual(10);
      expect(Math.abs(tone.hz - TONE_HZ)).toBeLessThan(3);
      expect(Math.abs(sim.sessions().find((s) => s.id === id)!.received.audio.toneHz! - TONE_HZ)).toBeLessThan(TONE_HZ * 0.01);
      expect(Object.keys(sim.sessions().find((s) => s.id === id)!.received.audio.frameSamples)).toEqual(["480"]);
      await tab.evaluate(() => window.vx.stop());
      await tab.close();
    }, 30_000);

    it("createPlayer takes agent audio at other rates (PCM16 at 24 kHz, floats at 16 kHz) into a 48 kHz ring, and clear() empties it", async (ctx) => {
      const tab = await cell(ctx).newPage();
      await tab.goto(pages.url);
      const check = await tab.evaluate(() => window.vx.playerAtOtherRates());
      expect(check.latency).toBeGreaterThanOrEqual(0);
      expect(check.latency).toBeLessThan(200); // the two resamplers' look-ahead, a few ms
      expect(check.afterClear).toMatchObject({ queuedSamples: 0, clears: 1 });
      expect(check.afterClear.lastClearedMs + check.afterClear.playedMs).toBeCloseTo((check.enqueued / 48000) * 1000, 6);
      expect(check.playedAfterClear).toBe(0);
      await tab.close();
    }, 20_000);
  });
}
