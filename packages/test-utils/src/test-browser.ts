// One small page API over both browsers the browser kit is tested in: Chromium through
// playwright-core (chromium.ts) and Firefox ESR through puppeteer-core over WebDriver BiDi
// (firefox.ts), so one test file runs the same steps in each.
import { CHROMIUM_PATH, ensureChromium, launchChromium } from "./chromium.js";
import { ensureFirefox, FIREFOX_PATH, launchFirefox } from "./firefox.js";

export type BrowserName = "chromium" | "firefox";

export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs `fn(arg)` in the page (its source is sent: no closures over test variables; `arg` and the result are plain data). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  click(selector: string): Promise<void>;
  /** Resolves once `fn()` is truthy in the page; rejects after 30 s. */
  waitForFunction(fn: () => unknown): Promise<void>;
  onPageError(listener: (message: string) => void): void;
  close(): Promise<void>;
}

export interface TestBrowser {
  readonly name: BrowserName;
  /** What the browser reports, e.g. `Firefox/153.8.0`, `HeadlessChrome/…`. */
  readonly version: string;
  newPage(): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestBrowserOptions {
  /** Chromium's fake microphone plays this WAV (looped). */
  fakeMicWav?: string;
  /** Firefox's fake microphone is a sine at this frequency (it plays no file). */
  fakeToneHz?: number;
}

export const BROWSER_PATHS: Readonly<Record<BrowserName, string>> = { chromium: CHROMIUM_PATH, firefox: FIREFOX_PATH };

/** Installs the browser from Debian when it is missing; returns why it is unavailable, or undefined. */
export function browserUnavailable(name: BrowserName): string | undefined {
  try {
    if (name === "chromium") ensureChromium();
    else ensureFirefox();
    return undefined;
  } catch (error) {
    return `${name} could not be installed from Debian: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
  }
}

const WAIT_MS = 30_000;

export async function launchTestBrowser(name: BrowserName, options: TestBrowserOptions = {}): Promise<TestBrowser> {
  if (name === "chromium") {
    const browser = await launchChromium(options.fakeMicWav ? { fakeMicWav: options.fakeMicWav } : {});
    return {
      name,
      version: browser.version(),
      async newPage() {
        const page = await browser.newPage();
        return {
          goto: async (url) => void (await page.goto(url)),
          evaluate: (fn, arg) => page.evaluate(fn, arg as never),
          click: (selector) => page.click(selector),
          waitForFunction: async (fn) => void (await page.waitForFunction(fn, undefined, { timeout: WAIT_MS })),
          onPageError: (listener) => page.on("pageerror", (error) => listener(error.message)),
          close: () => page.close(),
        };
      },
      close: () => browser.close(),
    };
  }
  const browser = await launchFirefox(options.fakeToneHz === undefined ? {} : { fakeToneHz: options.fakeToneHz });
  return {
    name,
    version: await browser.version(),
    async newPage() {
      const page = await browser.newPage();
      return {
        goto: async (url) => void (await page.goto(url)),
        // As JSON: WebDriver BiDi sends an object met twice in a result as a reference, which
        // puppeteer turns into `undefined` (a barge-in's stats and the report they came from
        // share their level), where Chromium's protocol copies it.
        evaluate: async (fn, arg) => {
          const call = `(${fn.toString()})(${arg === undefined ? "" : JSON.stringify(arg)})`;
          const json = await page.evaluate(`Promise.resolve(${call}).then((value) => JSON.stringify(value ?? null))`);
          return JSON.parse(json as string);
        },
        click: (selector) => page.click(selector),
        waitForFunction: async (fn) => void (await page.waitForFunction(fn, { timeout: WAIT_MS, polling: 50 })),
        onPageError: (listener) => page.on("pageerror", (error) => listener(error instanceof Error ? error.message : String(error))),
        close: () => page.close(),
      };
    },
    close: () => browser.close(),
  };
}
