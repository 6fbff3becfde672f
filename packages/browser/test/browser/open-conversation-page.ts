import type { TestBrowser, TestPage } from "@voxwire/test-utils";
import type { PageConfig, PageLog } from "./conversation-page.js";

/**
 * Opens the test page at `url` and clicks Start with `config`, so startConversation runs inside a
 * real user gesture; resolves once it is ready or has failed. `logPageErrors` prints the page's
 * uncaught errors (a test that expects none).
 */
export async function openConversationPage(
  browser: TestBrowser,
  url: string,
  config: PageConfig,
  options: { logPageErrors?: boolean } = {},
): Promise<TestPage> {
  const tab = await browser.newPage();
  if (options.logPageErrors) tab.onPageError((message) => console.error(`page error (${browser.name}):`, message));
  await tab.goto(url);
  await tab.evaluate((c) => {
    window.vxConfig = c;
  }, config);
  await tab.click("#start");
  await tab.waitForFunction(() => window.vx.log.ready || window.vx.log.readyError !== undefined);
  return tab;
}

/** What the page has logged so far. */
export const pageLog = (tab: TestPage): Promise<PageLog> => tab.evaluate(() => window.vx.log);
