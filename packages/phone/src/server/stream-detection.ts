import type { IncomingMessage } from "node:http";
import type { Logger } from "@voxwire/core";
import type { WebSocket } from "ws";
import type { CarrierRequest } from "../carrier.js";
import { detectCarrier } from "./detect-carrier.js";
import { publicBase } from "./public-base.js";
import type { Route } from "./routes.js";

export interface DetectionOptions {
  readonly path: string;
  readonly timeoutMs: number;
  readonly maxFrames: number;
  readonly publicUrl: string | undefined;
  readonly log: Logger;
}

/**
 * Holds a shared-path stream's frames until a leg claims it, then starts its call and replays
 * them; `settled` runs once either way (claimed, refused, or closed while waiting).
 */
export function detectThenStart(
  ws: WebSocket,
  req: IncomingMessage,
  routes: readonly Route[],
  options: DetectionOptions,
  start: (ws: WebSocket, route: Route) => void,
  settled: () => void,
): void {
  const { log } = options;
  const legs = routes.map((r) => r.leg);
  const frames: (string | Uint8Array)[] = [];
  const held: [Buffer, boolean][] = [];
  const protocols = String(req.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  let done = false;
  const finish = () => {
    done = true;
    clearTimeout(timer);
    ws.off("message", onMessage);
    settled();
  };
  const refuseStream = (why: string) => {
    finish();
    log.warn(`stream on ${options.path} refused: ${why}`);
    ws.close(1008, why.slice(0, 120));
  };
  const decide = () => {
    const leg = detectCarrier(legs, { headers: req.headers, protocols, frames });
    if (leg === undefined) {
      if (frames.length >= options.maxFrames) refuseStream(`no carrier recognised in ${frames.length} messages`);
      return;
    }
    if (leg === null) return refuseStream("not the stream of any carrier this server serves");
    const route = routes.find((r) => r.leg === leg)!;
    const request: CarrierRequest = {
      url: publicBase(options.publicUrl, req, "ws") + (req.url ?? "/"),
      method: "GET",
      headers: req.headers,
      body: "",
      form: new URLSearchParams(),
    };
    if (route.leg.verify?.(request, "stream") === false) return refuseStream(`${leg.name}: the request signature does not match`);
    finish();
    start(ws, route);
    // The session listens now: what detection held goes to it first, in order.
    for (const [data, isBinary] of held) ws.emit("message", data, isBinary);
  };
  const onMessage = (data: Buffer, isBinary: boolean) => {
    if (done) return;
    held.push([data, isBinary]);
    frames.push(isBinary ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data.toString("utf8"));
    decide();
  };
  const timer = setTimeout(() => refuseStream("no carrier recognised in time"), options.timeoutMs);
  ws.on("message", onMessage);
  ws.once("close", () => {
    if (!done) finish();
  });
  decide();
}
