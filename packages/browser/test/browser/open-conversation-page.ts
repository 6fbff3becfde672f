import type { Browser, Page } from "playwright-core";
import type { PageConfig, PageLog } from "./conversation-page.js";

/**
 * Opens the test page at `url` and clicks Start with `config`, so startConversation runs inside a
 * real user gesture; resolves once it is ready or has failed. `logPageErrors` prints the page's
 * uncaught errors (a test that expects none).
 */
export async function openConversationPage(
  browser: Browser,
  url: string,
  config: PageConfig,
  options: { logPageErrors?: boolean } = {},
): Promise<Page> {
  const tab = await browser.newPage();
  if (options.logPageErrors) tab.on("pageerror", (error) => console.error("page error:", error.message));
  await tab.goto(url);
  await tab.evaluate((c) => {
    window.vxConfig = c;
  }, config);
  await tab.click("#start");
  await tab.waitForFunction(() => window.vx.log.ready || window.vx.log.readyError !== undefined);
  return tab;
}

/** What the page has logged so far. */
export const pageLog = (tab: Page): Promise<PageLog> => tab.evaluate(() => window.vx.log);
