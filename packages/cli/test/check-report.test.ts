// `voxwire check --report FILE.html`: a real run against the built-in simulator, opened in the
// project's Chromium from its file:// URL; hostile strings shown as text; no key in the page.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type DialectReport, type ScenarioResult, type Simulator, scenarioIds, startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { captureIo, ensureChromium, launchChromium } from "@voxwire/test-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { renderCheckReport } from "../src/report/render.js";

type Browser = Awaited<ReturnType<typeof launchChromium>>;

let browser: Browser;
let dir: string;

beforeAll(async () => {
  ensureChromium();
  dir = mkdtempSync(join(tmpdir(), "voxwire-report-"));
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `file` from its file:// URL; collects console errors and warnings, page errors and every request. */
async function open(file: string) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  const response = await page.goto(url, { waitUntil: "load" });
  expect(response?.ok() ?? true).toBe(true);
  return { page, problems, requests, url };
}

const HOSTILE = `</p><script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">"'&amp;`;

function hostileResult(overrides: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    id: "bootstrap",
    title: `<b>bold</b> title`,
    status: "failed",
    detail: `the vendor said: ${HOSTILE}`,
    measured: { [`<i>key</i>`]: `<svg onload="window.__pwned = 3">`, bargeInMs: 12 },
    timeline: [
      { atMs: 0, dir: "out", kind: "event", name: `<script>window.__pwned = 4</script>`, bytes: 10 },
      { atMs: 10, dir: "in", kind: "audio", bytes: 960, samples: 480 },
      { atMs: 30, dir: "in", kind: "audio", bytes: 960, samples: 480 },
      { atMs: 50, dir: "in", kind: "audio", bytes: 960, samples: 480 },
      { atMs: 60, dir: "in", kind: "clear", name: `"><script>window.__pwned = 5</script>` },
    ],
    ...overrides,
  };
}

describe("voxwire check --report", () => {
  it("writes one self-contained page: every scenario, a timeline, jitter, barge-in latency and the tone's spectrum; Chromium shows it without an error", async () => {
    const file = join(dir, "omni.html");
    const cli = captureIo();
    expect(await main(["check", "omni", "--report", file], cli.io)).toBe(0);
    expect(cli.stderr()).toContain(`report: ${file}`);
    const text = readFileSync(file, "utf8");
    // Self-contained: no script, nothing to load from elsewhere.
    expect(text).not.toMatch(/<script|<link|\ssrc=|https?:\/\/(?!www\.w3\.org\/2000\/svg)/i);

    const { page, problems, requests, url } = await open(file);
    try {
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.title()).toMatch(/^voxwire check: \d+ passed, 0 failed, \d+ skipped$/);
      // Each scenario, with its status.
      const rows = await page.$$eval("tr.scenario", (trs) =>
        trs.map((tr) => [tr.getAttribute("data-scenario"), tr.querySelector(".badge")?.textContent]),
      );
      expect(rows.map(([id]) => id)).toEqual(["golden", ...scenarioIds()]);
      for (const [id, word] of rows) expect(["PASS", "skip"], String(id)).toContain(word);
      // The audio scenario's timeline (frames both ways as ticks, control events as markers) and the barge-in's.
      expect(await page.locator("#dialect-0-audio svg.timeline path.ticks.in-audio").count()).toBe(1);
      expect(await page.locator("#dialect-0-audio svg.timeline path.ticks.out-audio").count()).toBe(1);
      expect(await page.locator("#dialect-0-audio svg.timeline g.marker").count()).toBeGreaterThan(3);
      expect(await page.locator("#dialect-0-barge-in svg.timeline g.marker.clear").count()).toBeGreaterThan(0);
      expect(await page.locator("#dialect-0-barge-in svg.timeline g.highlight").textContent()).toMatch(/barge-in [\d.]+ ms/);
      expect(await page.locator("#dialect-0-barge-in p.latency").textContent()).toMatch(/Barge-in latency: [\d.]+ ms/);
      // Jitter: agent audio arrived paced (real time), so its gaps cluster near 20 ms.
      expect(await page.locator("#dialect-0-audio svg.histogram").count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator("#dialect-0-audio figcaption", { hasText: "agent audio as it arrived" }).textContent()).toMatch(
        /median (1\d|2\d) ms/,
      );
      // The tone's spectrum: a drawn curve with its peak near 440 Hz.
      const spectrum = page.locator("#dialect-0-audio svg.spectrum");
      expect(await spectrum.count()).toBe(1);
      expect(await spectrum.locator("path.line").getAttribute("d")).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){100,}$/);
      const peak = Number(/^([\d.]+) Hz/.exec((await spectrum.locator("g.peak text").textContent()) ?? "")?.[1]);
      expect(Math.abs(peak - 440)).toBeLessThan(10);
      // Drawn, not just present: the charts have a size on the page.
      const box = await page.locator("#dialect-0-audio svg.timeline").boundingBox();
      expect(box?.width).toBeGreaterThan(400);
    } finally {
      await page.close();
    }
  }, 60_000);

  it("--json stays as it was, plus the timeline and spectrum: bounded, no payloads", async () => {
    const cli = captureIo();
    expect(await main(["check", "omni", "--fast", "--only", "audio", "--only", "barge-in", "--json", "--quiet"], cli.io)).toBe(0);
    const doc = JSON.parse(cli.stdout()) as { dialects: DialectReport[] };
    const [audio, barge] = doc.dialects[0]!.results;
    expect(Object.keys(audio!)).toEqual(["id", "title", "status", "detail", "measured", "summary", "timeline", "spectrum"]);
    for (const result of [audio!, barge!]) {
      expect(result.timeline!.length).toBeGreaterThan(3);
      expect(result.timeline!.length).toBeLessThanOrEqual(3000);
      for (const entry of result.timeline!) {
        expect(["atMs", "dir", "kind", "bytes", "samples", "name"]).toEqual(expect.arrayContaining(Object.keys(entry)));
        expect(typeof entry.atMs).toBe("number");
      }
    }
    expect(barge!.timeline!.some((e) => e.dir === "in" && e.kind === "clear")).toBe(true);
    expect(audio!.timeline!.some((e) => e.dir === "out" && e.kind === "audio" && (e.samples ?? 0) > 0)).toBe(true);
    expect(audio!.spectrum).toMatchObject({ sampleRate: expect.any(Number), stepHz: expect.any(Number), db: expect.any(Array) });
    expect(Math.abs(audio!.spectrum!.peakHz - 440)).toBeLessThan(5);
  }, 30_000);

  it("a hostile string from a vendor is text in the page, never markup; nothing runs", async () => {
    const reports: DialectReport[] = [
      { dialect: `<img src=x onerror="window.__pwned = 6">`, target: `wss://vendor.example/<script>`, fast: false, results: [hostileResult()] },
      { dialect: "second", target: "built-in simulator", fast: true, results: [hostileResult({ status: "passed", summary: HOSTILE })] },
    ];
    const page = renderCheckReport(reports, { generatedAt: "2026-01-01T00:00:00.000Z", summary: { passed: 1, failed: 1, skipped: 0 } });
    expect(page).not.toMatch(/<script|<img|<svg onload|<b>|<i>/i);
    expect(page).toContain("&lt;script&gt;window.__pwned = 1&lt;/script&gt;");
    // Pure: the same reports give the same page.
    expect(renderCheckReport(reports, { generatedAt: "2026-01-01T00:00:00.000Z", summary: { passed: 1, failed: 1, skipped: 0 } })).toBe(page);

    const file = join(dir, "hostile.html");
    writeFileSync(file, page);
    const opened = await open(file);
    try {
      expect(opened.problems).toEqual([]);
      expect(opened.requests).toEqual([opened.url]);
      expect(await opened.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await opened.page.locator("script, img, b, i").count()).toBe(0);
      expect(await opened.page.locator("svg").count()).toBeGreaterThan(0);
      for (const svg of await opened.page.locator("svg").all()) expect(await svg.getAttribute("onload")).toBeNull();
      expect(await opened.page.locator("tr.scenario.failed p.detail").textContent()).toBe(`the vendor said: ${HOSTILE}`);
      expect(await opened.page.locator("tr.scenario.passed p.summary").textContent()).toBe(HOSTILE);
      expect(await opened.page.locator("section.dialect h2").first().textContent()).toContain(`<img src=x onerror="window.__pwned = 6">`);
      expect(await opened.page.locator("details.events td", { hasText: "window.__pwned = 4" }).first().textContent()).toBe(
        "<script>window.__pwned = 4</script>",
      );
    } finally {
      await opened.page.close();
    }
  }, 30_000);

  it("never holds the key: not from --key, and not where a report leaked it (the second lock)", async () => {
    const key = "pyai_test_reportK3y9";
    const sim: Simulator = await startSimulator({ front: omniFront(), fast: true, keys: [key] });
    try {
      const file = join(dir, "by-url.html");
      const cli = captureIo();
      const code = await main(
        ["check", "omni", "--url", sim.url, "--key", key, "--only", "bootstrap", "--only", "audio", "--report", file, "--quiet"],
        cli.io,
      );
      expect(code).toBe(0);
      const text = readFileSync(file, "utf8");
      expect(text).toContain("audio");
      expect(text).not.toContain(key);
      expect(text).not.toContain(encodeURIComponent(key));
    } finally {
      await sim.close();
    }
    // A report that carried the key anyway (a vendor echoing it in an error) is redacted with meta.secrets.
    const leaked = renderCheckReport(
      [{ dialect: "omni", target: "built-in simulator", fast: true, results: [hostileResult({ detail: `bad key ${key}`, timeline: [] })] }],
      { generatedAt: "2026-01-01T00:00:00.000Z", summary: { passed: 0, failed: 1, skipped: 0 }, secrets: [key] },
    );
    expect(leaked).not.toContain(key);
    expect(leaked).toContain("bad key");
  }, 30_000);
});
