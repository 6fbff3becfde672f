import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PhoneBridge } from "../bridge.js";
import { createPhoneBridgeHandler, type PhoneBridgeHandler } from "./bridge-handler.js";
import type { Readiness } from "./call-admission.js";
import type { DrainOptions, DrainResult } from "./drain.js";
import type { PhoneBridgeHandlerOptions } from "./handler-options.js";

export interface PhoneServerOptions extends PhoneBridgeHandlerOptions {
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1 (put a tunnel or a proxy in front); `0.0.0.0` to listen on every interface. */
  host?: string;
}

export interface PhoneBridgeServer {
  /** `http://host:port` */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** The handler the server routes through (its readiness, its calls). */
  readonly handler: PhoneBridgeHandler;
  /** The live calls. */
  calls(): PhoneBridge[];
  /** What `/readyz` reports. */
  readiness(): Readiness;
  /**
   * Graceful drain: readiness fails at once and new calls get 503, live calls go on until they end
   * or `timeoutMs` (default 30 000) passes, then the rest are ended on both legs ("draining").
   * The server keeps listening (probes still answer) until `close()`.
   */
  drain(options?: DrainOptions): Promise<DrainResult>;
  /** Ends every call, stops listening, and resolves when everything is released. */
  close(): Promise<void>;
}

/**
 * A ready phone bridge for any set of carriers: each leg's webhook path answers with its answer
 * document (TwiML, TeXML, …) pointing the carrier at the leg's stream path, which takes the
 * stream; each call is bridged to a fresh agent session (at the phone's rate where the agent's
 * dialect allows, so nothing is resampled). A leg with a signature secret refuses unsigned
 * requests, and a server with a leg that has none refuses to start unless `allowUnsigned`; a leg
 * with REST credentials hangs up and transfers through its carrier. `/healthz` and `/readyz`
 * answer probes. To serve it on a server of your own, use `createPhoneBridgeHandler`.
 */
export async function createPhoneBridge(options: PhoneServerOptions): Promise<PhoneBridgeServer> {
  const handler = createPhoneBridgeHandler(options);
  const server = createServer((req, res) => {
    if (!handler.handleRequest(req, res)) res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  server.on("upgrade", (req, socket, head) => {
    if (handler.handleUpgrade(req, socket, head)) return;
    socket.on("error", () => {});
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8080, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    server,
    handler,
    calls: () => handler.calls(),
    readiness: () => handler.readiness(),
    drain: (drainOptions) => handler.drain(drainOptions),
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        await handler.close();
        server.closeAllConnections();
        await stopped;
      })();
      return closing;
    },
  };
}
