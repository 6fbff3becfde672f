import cluster from "node:cluster";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CARRIER_NAMES, type CarrierName, createPhoneBridge as createCarrierBridge } from "@voxwire/carriers";
import type { Logger } from "@voxwire/core";
import {
  bridgeMetrics,
  clusterMetricsHandler,
  onWorkerPoolStop,
  type PhoneBridge,
  type PhoneBridgeServer,
  startWorkerPool,
  tellWorkerPool,
  workerCount,
} from "@voxwire/phone";
import { createPhoneBridge } from "@voxwire/twilio";
import { Registry } from "prom-client";
import { type BridgeArgs, parseBridgeArgs } from "../bridge/bridge-args.js";
import { eventLine, jsonLineLogger, textLineLogger } from "../bridge/json-lines.js";
import { describe } from "../bridge/progress-line.js";
import { type CliCommand, type CliIo, EXIT } from "../command.js";
import { DIALECTS } from "../registry.js";
import { stopRequested } from "../stop-requested.js";

const USAGE = `usage: voxwire bridge <dialect> --agent-url URL [--key-stdin] [options]

Answers Twilio calls (or another carrier's: --carrier) and bridges each one to a <dialect> agent
(at the phone's rate where the dialect allows it, so nothing is resampled). With Twilio, point the
number's "A call comes in" webhook at https://PUBLIC/voice. With another carrier, its webhook is
https://PUBLIC/<carrier>/answer and its stream wss://PUBLIC/<carrier>/media; with --carrier auto,
every carrier is served and any may stream to wss://PUBLIC/media (the carrier is detected).
The first line on stdout is "listening http://HOST:PORT"; call progress goes to stderr.
Without the carrier's secret (--twilio-auth-token, …) it refuses to start unless --allow-unsigned.
GET /healthz answers 200 while the process lives; GET /readyz 503 while draining or at --max-calls.
Dialects: ${Object.keys(DIALECTS).join(", ")}

options:
  --agent-url URL        the agent's base URL (a vendor's, or a simulator's http://127.0.0.1:PORT)
  --key-stdin            read the agent's key from standard input (one line)
  --key K                the agent's key on the command line: other users can see it (ps, shell
                         history), so prefer $VOXWIRE_AGENT_KEY or --key-stdin
  --agent ID             the agent, where the dialect names one (--agent-id: deprecated alias)
  --port N               port to listen on (default 8080; 0 picks a free one)
  --host H               address to bind (default 127.0.0.1; put a tunnel in front)
  --public-url URL       the public https:// base Twilio reaches (default: from Host/X-Forwarded-Proto)
  --twilio-account-sid S Twilio account (default: $TWILIO_ACCOUNT_SID): REST hang-up and transfer
  --twilio-auth-token T  Twilio auth token (default: $TWILIO_AUTH_TOKEN): also validates X-Twilio-Signature
  --transfer-to NUMBER   where a transfer the agent asks for dials (needs the Twilio credentials)
  --carrier C            twilio (default: /voice and /media), auto (every carrier), or one of
                         ${CARRIER_NAMES.join(", ")}
  --lead-ms N            audio kept queued at the carrier, ms (default 100)
  --allow-unsigned       start without a way to verify the carrier (no auth token / signing key):
                         anyone who finds the server can open agent sessions on your key
  --max-calls N          live calls per process; beyond it new calls get HTTP 503 + Retry-After
  --max-call-ms N        the longest a call may last, ms (default no limit)
  --drain-timeout MS     on SIGTERM/SIGINT, how long live calls may go on before they are ended
                         (default 30000); a second signal ends them at once
  --workers N|auto       N processes sharing the port (auto: one per core); a dead one is replaced
  --metrics              Prometheus metrics at GET /metrics on the bridge's port (with --workers,
                         the worker that takes the scrape answers for itself; the sum of all of
                         them is on --metrics-port)
  --metrics-port N       with --workers: where the primary serves every worker's metrics summed
                         (default --port + 1; 0 picks a free one; its URL is logged)
  --ping-interval-ms N   WebSocket ping on each leg this often (default 20000; 0: none)
  --pong-timeout-ms N    a ping unanswered this long ends the call as half-open (default 10000)
  --json                 call events as JSON lines on stdout (after the first line), each with its
                         time and the call's ids; log lines as JSON on stderr
  --quiet                no progress lines

environment:
  VOXWIRE_AGENT_KEY      the agent's key, when neither --key nor --key-stdin is given
  VOXWIRE_KEY            the same, when VOXWIRE_AGENT_KEY is not set
  TWILIO_ACCOUNT_SID     default of --twilio-account-sid
  TWILIO_AUTH_TOKEN      default of --twilio-auth-token
  other carriers' secrets, read only for --carrier auto or that carrier (never printed):
  TELNYX_API_KEY, TELNYX_PUBLIC_KEY; PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN; VONAGE_APPLICATION_ID,
  VONAGE_PRIVATE_KEY_PATH, VONAGE_SIGNATURE_SECRET; SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID,
  SIGNALWIRE_API_TOKEN, SIGNALWIRE_SIGNING_KEY; ASTERISK_WS_USERNAME, ASTERISK_WS_PASSWORD;
  EXOTEL_STREAM_KEY, EXOTEL_STREAM_TOKEN
`;

export const bridgeCommand: CliCommand = {
  name: "bridge",
  summary: "answer Twilio calls (or any carrier's) and bridge them to an agent (the phone bridge server)",
  usage: USAGE,
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = await parseBridgeArgs(argv, io);
    const log = bridgeLogger(args, io);
    const workers = workerCount(args.workers);
    if (workers > 1 && cluster.isPrimary) return superviseWorkers(argv, args, workers, log, io);
    return serve(args, log, io);
  },
};

/** Where the server's own lines go: JSON lines on stderr with --json, else `voxwire bridge: …` lines (warnings and errors). */
function bridgeLogger(args: BridgeArgs, io: CliIo): Logger {
  const write = (line: string) => void io.stderr.write(line);
  return args.json ? jsonLineLogger(write, "info") : textLineLogger(write, "warn");
}

/** Serves the bridge in this process (alone, or as one of the pool's workers) until stopped, then drains. */
async function serve(args: BridgeArgs, log: Logger, io: CliIo): Promise<number> {
  const { options, json, quiet, carrier, settings } = args;
  const progress = (line: string) => {
    if (!quiet && !json) io.stderr.write(`${line}\n`);
  };
  let server: PhoneBridgeServer | undefined;
  const liveCount = () => tellWorkerPool({ voxwire: "calls", live: server?.calls().length ?? 0 });
  const onCall = (call: PhoneBridge) => {
    call.on("*", (event) => {
      if (json) io.stdout.write(`${eventLine(event, call.call, carrier)}\n`);
      const line = describe(event, call.call?.carrier ?? carrier);
      if (line) progress(`${call.call?.callSid ?? "call"}: ${line}`);
    });
    liveCount();
    void call.ended.then(() => setImmediate(liveCount));
  };
  const port = options.port ?? 8080;
  // In a worker, the metrics go to the global registry, which the primary's aggregator reads;
  // alone, to a registry of this run's own (a process may serve more than once).
  const metrics = args.metrics ? bridgeMetrics(cluster.isWorker ? {} : { registry: new Registry() }) : undefined;
  if (carrier === "twilio") server = await createPhoneBridge({ ...options, port, logger: log, onCall, ...(metrics ? { metrics } : {}) });
  else {
    const { twilio: _twilio, transfer: _transfer, paths: _paths, streamParameters: _params, ...common } = options;
    server = await createCarrierBridge({
      ...common,
      port,
      logger: log,
      carriers: carrier === "auto" ? "auto" : [carrier as CarrierName],
      settings,
      onCall,
      ...(metrics ? { metrics } : {}),
    });
  }
  const stopped = stopRequested(io.signal);
  let unhookPool = () => {};
  const poolStop = new Promise<void>((resolve) => {
    unhookPool = onWorkerPoolStop(resolve);
  });
  if (cluster.isWorker) tellWorkerPool({ voxwire: "listening", url: server.url, port: server.port });
  else io.stdout.write(`listening ${server.url}\n`);
  await Promise.race([stopped.promise, poolStop]);
  stopped.cancel();
  unhookPool();
  // Readiness fails at once; live calls go on up to the drain timeout. A second signal ends them now.
  const again = io.signal ? undefined : stopRequested(undefined);
  progress(`draining ${server.calls().length} live call(s), up to ${args.drainTimeoutMs} ms`);
  const drained = server.drain({ timeoutMs: args.drainTimeoutMs });
  await (again ? Promise.race([drained, again.promise]) : drained);
  again?.cancel();
  await server.close();
  metrics?.close();
  return EXIT.ok;
}

/** The cluster's primary: the workers serve, this process replaces any that dies and stops them all on a signal. */
async function superviseWorkers(argv: string[], args: BridgeArgs, workers: number, log: Logger, io: CliIo): Promise<number> {
  // The workers run this command line again; a key read from stdin reaches them in their environment.
  const pool = startWorkerPool({
    workers,
    logger: log,
    args: ["bridge", ...argv.filter((arg) => arg !== "--key-stdin")],
    env: { VOXWIRE_AGENT_KEY: args.key },
  });
  const stopped = stopRequested(io.signal);
  const metrics = args.metrics ? await serveClusterMetrics(args.options.host ?? "127.0.0.1", args.metrics.port) : undefined;
  if (metrics) log.info(`metrics of every worker at ${metrics.url}`);
  const url = await Promise.race([pool.listening, stopped.promise.then(() => undefined)]);
  if (url !== undefined) io.stdout.write(`listening ${url}\n`);
  await stopped.promise;
  await metrics?.close();
  const again = io.signal ? undefined : stopRequested(undefined);
  void again?.promise.then(() => pool.stop({ force: true }));
  await pool.stop();
  again?.cancel();
  return EXIT.ok;
}

/** The primary's own small server: GET /metrics answers with every worker's metrics summed. */
async function serveClusterMetrics(host: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const handler = clusterMetricsHandler();
  const server = createServer((req, res) => {
    if (req.method === "GET" && (req.url ?? "").split("?")[0] === "/metrics") return handler(req, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
