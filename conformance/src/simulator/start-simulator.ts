import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { ClipLibrary } from "./clip-library.js";
import { rejectUpgrade, sendJson, setCorsHeaders } from "./http-reply.js";
import type { AgentScript } from "./scripted-agent.js";
import type { RecordLimits, SessionRecord } from "./session-record.js";
import { GENERIC_MALFORMED_FRAMES, SimSession, type SimulatorFaults } from "./sim-session.js";
import { type TlsFiles, writeTlsFiles } from "./tls-files.js";
import type { FrontContext, KeyVerdict, UpgradeContext, VendorFront } from "./vendor-front.js";

/** How long `close()` lets live calls answer their shutdown before dropping them. */
const SHUTDOWN_DRAIN_MS = 250;

/** The largest client message: a 1 MiB frame and framing slack, as core's session default. */
export const DEFAULT_SIMULATOR_MAX_PAYLOAD = (1 << 20) + 64 * 1024;
/** Ended sessions whose records are kept (the oldest are released first). */
export const DEFAULT_KEEP_SESSIONS = 200;
/** From the upgrade to a handshake's `start` (or, without one, to the client's first frame). */
export const DEFAULT_FIRST_MESSAGE_TIMEOUT_MS = 10_000;

/** The key a simulator accepts when none is given. */
export const DEFAULT_SIMULATOR_KEY = "voxwire-test-key";

export interface SimulatorOptions {
  /** The vendor front of the dialect to simulate (a dialect package's `./testing` entry exports it). */
  front: VendorFront;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accepted keys; any other key gets the dialect's auth failure. Default `["voxwire-test-key"]`. */
  keys?: readonly string[];
  /** Keys that authenticate but lack the session scope (Omni: close 4403). */
  keysWithoutScope?: readonly string[];
  /** Live sessions allowed at once; the next one gets the dialect's concurrency failure. */
  maxSessions?: number;
  /** Known agent ids; when set, any other id gets the dialect's invalid-agent failure. */
  agents?: readonly string[];
  /** Allowed browser origins; when set, a request from another origin gets the dialect's origin failure. */
  allowedOrigins?: readonly string[];
  /** No real-time pacing of agent audio (tests). */
  fast?: boolean;
  faults?: SimulatorFaults;
  /** Energy VAD tuning (defaults: −40 dBFS, 600 ms of silence). */
  vad?: { thresholdDbfs?: number; silenceMs?: number };
  /** The agent's clips (default: the package's `assets/clips`). */
  clips?: ClipLibrary;
  /** Which clips the agent speaks: the greeting, then the answers in turn (default `greeting`, then `answer`). */
  script?: AgentScript;
  /** Progress lines (session opened/ended); never a credential. */
  log?: (line: string) => void;
  /** The largest message a client may send; `ws` closes a larger one with 1009 before buffering it. Default 1 MiB + 64 KiB. */
  maxPayloadBytes?: number;
  /** Records of ended (and refused) sessions kept for `sessions()`; older ones are released. Default 200. */
  keepSessions?: number;
  /**
   * A socket whose front has a handshake (a first-message token) must complete it within this
   * many ms, any other socket must send its first frame: else close 1008. 0 turns it off. Default 10 000.
   */
  firstMessageTimeoutMs?: number;
  /** Per-session record bounds: commands kept (default 1000), characters of each text kept (default 1024). */
  recordLimits?: RecordLimits;
  /**
   * Also serve `https:`/`wss:` on a second port, with a self-signed certificate made at start
   * (for clients that refuse anything but `wss:`); its PEM file is `certificatePath`.
   */
  tls?: boolean;
}

export interface Simulator {
  readonly dialect: string;
  /** `http://127.0.0.1:PORT`: give it to a dialect as its base URL. */
  readonly url: string;
  /** `ws://127.0.0.1:PORT`. */
  readonly wsUrl: string;
  readonly port: number;
  /** With `tls`: `https://127.0.0.1:PORT` of the second listener (the same routes and sockets). */
  readonly tlsUrl?: string;
  /** With `tls`: `wss://127.0.0.1:PORT`. */
  readonly tlsWsUrl?: string;
  /** With `tls`: the certificate's PEM file, to trust (`NODE_EXTRA_CA_CERTS`, a `ca` option); removed by `close()`. */
  readonly certificatePath?: string;
  /**
   * What each session received and sent, oldest first, as copies: every live one, and the last
   * `keepSessions` ended or refused ones.
   */
  sessions(): SessionRecord[];
  /** The live sessions, to inject agent events or trigger a shutdown from a test. */
  liveSessions(): SimSession[];
  /**
   * Stops listening, shuts every live call down the dialect's way (as the shutdown fault does),
   * drops whatever has not closed within a short drain, clears every timer; resolves when all is released.
   */
  close(): Promise<void>;
}

/**
 * Starts a scripted voice agent speaking one dialect's vendor side on 127.0.0.1: the dialect's
 * documented HTTP routes and WebSocket, served by its vendor front, with the shared agent behind.
 */
export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const front = options.front;
  const clips = options.clips ?? ClipLibrary.fromAssets();
  // A script naming a clip the library lacks fails here, not in the first session.
  for (const id of options.script ? [options.script.greeting, ...options.script.answers] : []) {
    if (!clips.ids.includes(id)) throw new Error(`the agent script names clip "${id}", which the clips lack (have: ${clips.ids.join(", ")})`);
  }
  if (options.script && options.script.answers.length === 0) throw new Error("the agent script has no answer");
  const keys = new Set(options.keys ?? [DEFAULT_SIMULATOR_KEY]);
  const scopeless = new Set(options.keysWithoutScope ?? []);
  const agents = options.agents ? new Set(options.agents) : undefined;
  const origins = options.allowedOrigins ? new Set(options.allowedOrigins) : undefined;
  const log = options.log ?? (() => {});
  /** Oldest first: a session while it runs, its frozen record once it has ended. */
  const entries: { session?: SimSession; record?: SessionRecord }[] = [];
  /** Sessions not yet ended (live, in their handshake, or closing). */
  const running = new Set<SimSession>();
  const live = new Set<SimSession>();
  const keepSessions = Math.max(0, options.keepSessions ?? DEFAULT_KEEP_SESSIONS);
  let endedKept = 0;
  /** An ended session's record replaces it; past keepSessions, the oldest ended records go. */
  const retire = (session: SimSession): SessionRecord => {
    running.delete(session);
    const record = session.snapshot();
    const entry = entries.find((e) => e.session === session);
    if (entry) {
      entry.record = record;
      entry.session = undefined;
    } else {
      entries.push({ record });
    }
    endedKept++;
    while (endedKept > keepSessions) {
      const oldest = entries.findIndex((e) => e.record !== undefined);
      if (oldest < 0) break;
      entries.splice(oldest, 1);
      endedKept--;
    }
    return record;
  };
  /** Upgrades accepted but not yet handed over by `ws`: they count toward `maxSessions` too. */
  let accepting = 0;
  let nextId = 1;
  let port = 0;

  const context: FrontContext = {
    checkKey(key): KeyVerdict {
      if (key !== undefined && keys.has(key)) return "ok";
      if (key !== undefined && scopeless.has(key)) return "missing-scope";
      return "refused";
    },
    get atCapacity() {
      return options.maxSessions !== undefined && live.size + accepting >= options.maxSessions;
    },
    originAllowed: (origin) => !origins || origin === undefined || origins.has(origin),
    agentKnown: (agentId) => !agents || agents.has(agentId),
    get httpUrl() {
      return `http://127.0.0.1:${port}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}`;
    },
  };

  const protocols = new WeakMap<IncomingMessage, string>();
  const wss = new WebSocketServer({
    noServer: true,
    // Echo what the front chose (the credential subprotocol for Omni): without an echo, browsers
    // and `ws` clients abort the handshake.
    handleProtocols: (_offered, req) => protocols.get(req) ?? false,
    // ws would buffer 100 MiB per message by default: one client could pin gigabytes.
    maxPayload: options.maxPayloadBytes ?? DEFAULT_SIMULATOR_MAX_PAYLOAD,
    perMessageDeflate: false,
  });

  const server: Server = createServer((req, res) => void onRequest(req, res));

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setCorsHeaders(req, res);
    if (req.method === "OPTIONS") {
      res.writeHead(204).end();
      return;
    }
    try {
      const handled = (await front.http?.(req, res, context)) ?? false;
      if (!handled && !res.headersSent) sendJson(res, 404, { error: "not_found", path: req.url?.split("?")[0] });
    } catch (error) {
      log(`${front.dialect}: HTTP handler failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: "internal_error" });
      else res.destroy();
    }
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const id = `sim-${nextId}`;
    const upgradeContext: UpgradeContext = Object.assign(Object.create(context) as FrontContext, { sessionId: id });
    let decision: ReturnType<VendorFront["upgrade"]>;
    try {
      decision = front.upgrade(req, upgradeContext);
    } catch (error) {
      log(`${front.dialect}: upgrade handler failed: ${error instanceof Error ? error.message : String(error)}`);
      rejectUpgrade(socket, 500, { error: "internal_error" });
      return;
    }
    if (decision.type === "reject") {
      log(`${front.dialect}: upgrade refused with HTTP ${decision.status}`);
      rejectUpgrade(socket, decision.status, decision.body);
      return;
    }
    nextId++;
    if (decision.protocol !== undefined) protocols.set(req, decision.protocol);
    const { connection } = decision;
    let handedOver = false;
    accepting++;
    socket.on("close", () => {
      // `ws` never calls back for a handshake it aborted itself (a malformed upgrade request).
      if (!handedOver) accepting--;
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      handedOver = true;
      let ended = false;
      accepting--;
      const session = new SimSession({
        id,
        dialect: front.dialect,
        socket: ws,
        connection,
        clips,
        ...(options.script ? { script: options.script } : {}),
        fast: options.fast ?? false,
        faults: options.faults ?? {},
        malformedFrames: front.malformedFrames?.() ?? GENERIC_MALFORMED_FRAMES,
        ...(options.vad ? { vad: options.vad } : {}),
        ...(options.recordLimits ? { limits: options.recordLimits } : {}),
        firstMessageTimeoutMs: options.firstMessageTimeoutMs ?? DEFAULT_FIRST_MESSAGE_TIMEOUT_MS,
        onEnd: (s) => {
          ended = true;
          live.delete(s);
          const record = retire(s);
          log(
            `${s.id}: ended, close ${record.close?.code ?? "?"} by ${record.close?.by ?? "?"}; received ${record.received.audio.frames} audio frames`,
          );
        },
      });
      // The constructor may already have ended it (a socket that closed at once): then it is retired.
      if (!ended) {
        entries.push({ session });
        running.add(session);
      }
      const record = session.snapshot();
      if (session.live) live.add(session);
      else if (record.close) log(`${id}: refused with close ${record.close.code} ${record.close.reason}`);
      if (session.live) log(`${id}: opened (${front.dialect}, user ${connection.rates.user} Hz, agent ${connection.rates.agent} Hz)`);
    });
  };
  server.on("upgrade", onUpgrade);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const tls = options.tls ? await listenTls(options.host ?? "127.0.0.1", (req, res) => void onRequest(req, res), onUpgrade) : undefined;

  let closing: Promise<void> | undefined;
  return {
    dialect: front.dialect,
    url: context.httpUrl,
    wsUrl: context.wsUrl,
    port,
    ...(tls ? { tlsUrl: `https://127.0.0.1:${tls.port}`, tlsWsUrl: `wss://127.0.0.1:${tls.port}`, certificatePath: tls.files.certificatePath } : {}),
    sessions: () => entries.map((e) => (e.session ? e.session.snapshot() : structuredClone(e.record!))),
    liveSessions: () => [...live],
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        const tlsStopped = tls ? new Promise<void>((resolve) => tls.server.close(() => resolve())) : Promise.resolve();
        // Live calls hear the dialect's own shutdown first; a client that does not answer the
        // close within the drain is dropped with the rest.
        for (const session of live) session.shutdown();
        const open = [...running];
        await settledWithin(Promise.all(open.map((s) => s.ended)), SHUTDOWN_DRAIN_MS);
        server.closeAllConnections();
        tls?.server.closeAllConnections();
        for (const session of open) session.terminate();
        await Promise.all([stopped, tlsStopped, ...open.map((s) => s.ended)]);
        tls?.files.remove();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      })();
      return closing;
    },
  };
}

/** Waits for `work`, or `ms`, whichever comes first; leaves no timer behind. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** The second listener: the same request and upgrade handlers behind TLS, on a free port. */
async function listenTls(
  host: string,
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
  onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Promise<{ server: ReturnType<typeof createTlsServer>; port: number; files: TlsFiles }> {
  const files = writeTlsFiles();
  const server = createTlsServer({ cert: files.cert, key: files.key }, onRequest);
  server.on("upgrade", onUpgrade);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    files.remove();
    throw error;
  }
  return { server, port: (server.address() as AddressInfo).port, files };
}
