// The demo as a user starts it (`npx pnpm@10 demo` runs examples/browser-demo/start.mjs): one
// command prints a URL; the page there talks to the local simulator in headless Chromium.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { ensureChromium, launchChromium } from "@voxwire/test-utils";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeToneWav } from "./tone.js";

const START = fileURLToPath(new URL("../../../../examples/browser-demo/start.mjs", import.meta.url));

let demo: ChildProcess;
let url: string;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  ensureChromium();
  tmp = mkdtempSync(join(tmpdir(), "voxwire-demo-"));
  writeToneWav(join(tmp, "tone.wav"), 440);
  demo = spawn(process.execPath, [START, "--port", "0", "--fast"], { stdio: ["ignore", "pipe", "inherit"] });
  url = await new Promise<string>((resolve, reject) => {
    demo.once("exit", (code) => reject(new Error(`the demo exited with ${code}`)));
    createInterface({ input: demo.stdout! }).once("line", (line) => {
      const match = /open (http:\/\/localhost:\d+\/)/.exec(line);
      if (match) resolve(match[1]!);
      else reject(new Error(`unexpected first line: ${line}`));
    });
  });
  browser = await launchChromium({ fakeMicWav: join(tmp, "tone.wav") });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (demo && demo.exitCode === null) {
    const exited = new Promise((resolve) => demo.once("exit", resolve));
    demo.kill("SIGTERM");
    await exited;
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("the browser demo", () => {
  it("starts with one command; Start shows the live conversation, the transcript, levels and the barge-in; Stop ends it", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(url);
    await page.click("#start");
    await page.waitForFunction(() => document.getElementById("state")?.textContent?.includes("live"));
    await page.waitForFunction(() => document.getElementById("lines")?.textContent?.includes("Hello, how can I help?"));
    // The tone talks over the greeting: the simulator barges in and the indicator counts it.
    await page.waitForFunction(() => document.getElementById("barge")?.textContent?.includes("1"));
    await page.waitForFunction(() => Number.parseFloat(document.getElementById("in-bar")!.style.width) > 0);
    expect(await page.textContent("#rates")).toMatch(/wire 16 kHz in, 16 kHz out/);
    expect(await page.textContent("#last-barge")).toMatch(/heard \d+ ms, dropped \d+ ms/);
    await page.click("#stop");
    await page.waitForFunction(() => document.getElementById("state")?.textContent?.includes("stopped"));
    expect(await page.isDisabled("#start")).toBe(false);
    expect(await page.evaluate(() => document.getElementById("errors")!.classList.contains("has"))).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);
});
