// The demo's server: a local Omni simulator and a token-first simulator (with this server's own
// backend token route, the pattern the vendor documents show), and the page, bundled from the
// workspace sources on start. Node only; nothing here reaches the browser but the page.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Simulator, startSimulator } from "@voxwire/conformance";
import { omniFront } from "@voxwire/omni/testing";
import { createTokenRoute } from "@voxwire/token-first";
import { tokenFirstFront } from "@voxwire/token-first/testing";
import { bundlePage } from "../../packages/browser/scripts/bundle-page.js";

/** A sandbox key: Omni lets pyai_test_ keys into pages (pyai_live_ keys are refused there). */
const OMNI_KEY = "pyai_test_voxwireDemo";
/** The token-first key stays on this server; the page only ever sees single-use tokens. */
const TOKEN_FIRST_KEY = "tf_demo_S3rverSideOnly";

export interface DemoOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Agent audio leaves at once instead of in real time (screenshots, tests). */
  fast?: boolean;
  log?: (line: string) => void;
}

export interface Demo {
  /** `http://localhost:PORT/`: localhost is a secure context, so the microphone and AudioWorklet work. */
  readonly url: string;
  readonly omni: Simulator;
  readonly tokenFirst: Simulator;
  close(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const log = options.log ?? (() => {});
  const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
  const [omni, tokenFirst, script] = await Promise.all([
    startSimulator({ front: omniFront(), keys: [OMNI_KEY], fast: options.fast ?? false, log }),
    startSimulator({ front: tokenFirstFront(), keys: [TOKEN_FIRST_KEY], fast: options.fast ?? false, log }),
    bundlePage(here("./app.ts")),
  ]);
  const html = readFileSync(here("./index.html"), "utf8");
  const tokenRoute = createTokenRoute({ apiUrl: tokenFirst.url, apiKey: TOKEN_FIRST_KEY });
  const config = JSON.stringify({ omniUrl: omni.url, omniKey: OMNI_KEY });

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://demo").pathname;
    if (path === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    else if (path === "/app.js") res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    else if (path === "/config") res.writeHead(200, { "content-type": "application/json" }).end(config);
    else if (path === "/token") void tokenRoute.node(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8787, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/`,
    omni,
    tokenFirst,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([omni.close(), tokenFirst.close()]);
    },
  };
}
