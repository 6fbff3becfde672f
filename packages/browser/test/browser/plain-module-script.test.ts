// The published build, with no bundler: a plain <script type="module"> and an import map naming
// the packages' dist files. The worklets must load with nothing else served (they come from Blob
// URLs), and a conversation must run. Needs the builds (`npx pnpm@10 test` makes them first).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { ensureChromium, launchChromium, pollUntil } from "@voxwire/test-utils";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeToneWav } from "./tone.js";

const root = fileURLToPath(new URL("../../../../", import.meta.url));
/** Each package's whole dist folder under /m/<name>/ (an entry may import shared chunks beside it). */
const PACKAGES = ["browser", "core", "omni"] as const;
const built = PACKAGES.every((name) => existsSync(`${root}packages/${name}/dist/index.js`));
const KEY = "pyai_test_plainScr1pt";
/** The file each package's `browser` export condition names (core's is `dist/browser/`, whose
 * `connect()` fetches the resampler with `import()`), under the package's /m/<name>/ mount. */
function browserEntry(name: (typeof PACKAGES)[number]): string {
  const manifest = JSON.parse(readFileSync(`${root}packages/${name}/package.json`, "utf8"));
  const dot = manifest.exports["."];
  return `/m/${name}/${String(dot.browser?.default ?? dot.import.default).replace(/^\.\/dist\//, "")}`;
}

function page(simulatorUrl: string): string {
  return `<!doctype html><meta charset="utf-8"><button id="start">Start</button>
<script type="importmap">${JSON.stringify({
    imports: {
      "@voxwire/browser": browserEntry("browser"),
      "@voxwire/core": browserEntry("core"),
      "@voxwire/omni": browserEntry("omni"),
      zod: "/zod/index.js",
      // core's event schemas import zod/mini (#18)
      "zod/mini": "/zod/mini/index.js",
    },
  })}</script>
<script type="module">
  import { startConversation } from "@voxwire/browser";
  import { omni } from "@voxwire/omni";
  window.result = { ready: false };
  document.getElementById("start").addEventListener("click", () => {
    const conversation = startConversation({ dialect: omni({ agentId: "agent_123", apiKey: ${JSON.stringify(KEY)}, rate: 16000, baseUrl: ${JSON.stringify(simulatorUrl)} }) });
    window.conversation = conversation;
    conversation.on("playback", (p) => { window.result.playedSamples = p.playedSamples; });
    conversation.ready.then(
      () => Object.assign(window.result, { ready: true, frameSamples: conversation.capture.frameSamples, backend: conversation.capture.backend }),
      (e) => Object.assign(window.result, { error: e.code + ": " + e.message }),
    );
  });
</script>`;
}

let sim: Simulator;
let server: Server;
let browser: Browser;
let tmp: string;

describe.skipIf(!built)("the published build from a plain <script type=module> with an import map", () => {
  beforeAll(async () => {
    ensureChromium();
    tmp = mkdtempSync(join(tmpdir(), "voxwire-plain-"));
    writeToneWav(join(tmp, "tone.wav"), 440);
    sim = await startSimulator({ front: omniFront(), keys: [KEY], fast: true });
    const zodDir = dirname(createRequire(`${root}packages/core/package.json`).resolve("zod"));
    const html = page(sim.url);
    server = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://page").pathname;
      const [, mount, name, ...rest] = path.split("/");
      const dist = mount === "m" && PACKAGES.includes(name as (typeof PACKAGES)[number]) ? `${root}packages/${name}/dist` : undefined;
      const base = path.startsWith("/zod/") ? zodDir : dist;
      const file = base && normalize(join(base, path.startsWith("/zod/") ? path.slice(5) : rest.join("/")));
      if (path === "/") res.writeHead(200, { "content-type": "text/html" }).end(html);
      else if (base && file?.startsWith(base) && existsSync(file)) {
        res.writeHead(200, { "content-type": "text/javascript" }).end(readFileSync(file));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    browser = await launchChromium({ fakeMicWav: join(tmp, "tone.wav") });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await sim?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it("loads the worklets from the package itself and runs a conversation", async () => {
    const tab = await browser.newPage();
    const failed: string[] = [];
    const served: string[] = [];
    tab.on("requestfailed", (request) => failed.push(request.url()));
    tab.on("response", (response) => {
      if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) failed.push(response.url());
      else served.push(new URL(response.url()).pathname);
    });
    await tab.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
    await tab.click("#start");
    await tab.waitForFunction(
      () =>
        (window as unknown as { result: { ready: boolean; error?: string } }).result.ready ||
        (window as unknown as { result: { error?: string } }).result.error !== undefined,
    );
    const result = (await tab.evaluate("window.result")) as { ready: boolean; error?: string; frameSamples: number };
    expect(result).toMatchObject({ ready: true, frameSamples: 320 });
    await pollUntil(() => (sim.sessions().at(-1)?.received.audio.frames ?? 0) >= 10, "frames at the simulator");
    expect(Object.keys(sim.sessions().at(-1)!.received.audio.frameSamples)).toEqual(["320"]);
    await tab.waitForFunction(() => ((window as unknown as { result: { playedSamples?: number } }).result.playedSamples ?? 0) > 0);
    expect(failed).toEqual([]);
    // core came from its browser build, the one whose connect() imports the resampler lazily
    expect(served).toContain("/m/core/browser/session/load-resampler.js");
    expect(served).toContain("/m/core/browser/audio/resampler.js");
    await tab.evaluate("window.conversation.stop()");
    await tab.close();
  }, 20_000);
});
