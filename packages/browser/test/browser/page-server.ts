import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { CredentialRoute } from "@voxwire/core";
import { bundlePage } from "../../scripts/bundle-page.js";

const PAGE_ENTRY = fileURLToPath(new URL("./conversation-page.ts", import.meta.url));
const HTML = `<!doctype html><meta charset="utf-8"><title>voxwire browser test</title><button id="start">Start</button><script type="module" src="/page.js"></script>`;

export interface PageServer {
  /** `http://localhost:PORT/`: localhost is a secure context (getUserMedia, AudioWorklet) and another origin than the simulator's 127.0.0.1. */
  readonly url: string;
  /** The bundled page script as served (to check that no key is in it). */
  readonly script: string;
  close(): Promise<void>;
}

/** Serves the test page, its bundle, and (when given) a backend token route at POST /token. */
export async function startPageServer(options: { tokenRoute?: CredentialRoute } = {}): Promise<PageServer> {
  const script = await bundlePage(PAGE_ENTRY);
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://page").pathname;
    if (path === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(HTML);
    else if (path === "/page.js") res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(script);
    else if (path === "/token" && options.tokenRoute) void options.tokenRoute.node(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    script,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
