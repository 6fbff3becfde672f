import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { ConfigError, type Logger, silentLogger } from "@voxwire/core";

/** A replacement for a worker that died this soon after it started waits before it is forked (no crash loop at full speed). */
const FAST_DEATH_MS = 1000;

/** What a worker tells the pool (through the cluster's IPC channel). */
export type WorkerMessage = { voxwire: "listening"; url: string; port: number } | { voxwire: "calls"; live: number };
/** What the pool tells a worker: drain and exit. */
const STOP_MESSAGE = { voxwire: "stop" } as const;

export interface WorkerPoolOptions {
  /** Workers to run: a number ≥ 1, or "auto" for one per core (`os.availableParallelism()`). */
  workers: number | "auto";
  /** Where the pool says what it does (a worker's death, its replacement). */
  logger?: Logger;
  /** The workers' command-line arguments (default: the primary's). */
  args?: readonly string[];
  /** More environment for the workers (a key read once from stdin by the primary). */
  env?: Readonly<Record<string, string>>;
}

export interface WorkerPool {
  /** Resolves with the URL the first worker listens at. */
  readonly listening: Promise<string>;
  /** The live workers' process ids. */
  pids(): number[];
  /**
   * Stops replacing workers and tells each to drain its calls and exit; resolves when all have
   * exited. `force` sends SIGTERM instead, which a draining worker takes as "end the calls now".
   */
  stop(options?: { force?: boolean }): Promise<void>;
}

/** The number of workers `--workers N|auto` asks for. */
export function workerCount(workers: number | "auto"): number {
  if (workers === "auto") return availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new ConfigError(`workers is a whole number ≥ 1 or "auto", got ${String(workers)}`);
  return workers;
}

/**
 * In the cluster's primary: forks the workers (each runs this same program and serves the bridge;
 * `node:cluster` shares the listening port between them), replaces any that dies, with a line
 * saying how many calls it had, and stops them all on `stop()`. The bridge keeps no state shared
 * between calls, so the workers need nothing from each other.
 */
export function startWorkerPool(options: WorkerPoolOptions): WorkerPool {
  if (!cluster.isPrimary) throw new ConfigError("startWorkerPool runs in the cluster's primary process");
  const count = workerCount(options.workers);
  const log = options.logger ?? silentLogger;
  const liveCalls = new Map<Worker, number>();
  const startedAt = new Map<Worker, number>();
  let stopping = false;
  let resolveListening!: (url: string) => void;
  const listening = new Promise<string>((resolve) => {
    resolveListening = resolve;
  });

  if (options.args) cluster.setupPrimary({ args: [...options.args] });
  const fork = () => {
    // A replacement listens as the first workers did (port 0 included): the primary holds the
    // shared handle while any worker lives, so it gets the same port.
    const worker = cluster.fork({ ...options.env });
    liveCalls.set(worker, 0);
    startedAt.set(worker, Date.now());
    worker.on("message", (message: WorkerMessage) => {
      if (message?.voxwire === "listening") {
        // A worker still starting when the pool stopped missed the word: it gets it now.
        if (stopping) worker.send(STOP_MESSAGE);
        log.info(`worker ${worker.process.pid} listening at ${message.url}`);
        resolveListening(message.url);
      } else if (message?.voxwire === "calls") liveCalls.set(worker, message.live);
    });
    worker.on("exit", (code, signal) => {
      const calls = liveCalls.get(worker) ?? 0;
      const lived = Date.now() - (startedAt.get(worker) ?? 0);
      liveCalls.delete(worker);
      startedAt.delete(worker);
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      log.error(`worker ${worker.process.pid} died (${how}) with ${calls} live call(s), which ended with it; starting a replacement`);
      if (lived < FAST_DEATH_MS) setTimeout(() => stopping || fork(), FAST_DEATH_MS).unref();
      else fork();
    });
  };
  for (let i = 0; i < count; i++) fork();
  log.info(`started ${count} worker(s)`);

  let stopped: Promise<void> | undefined;
  return {
    listening,
    pids: () => [...liveCalls.keys()].map((w) => w.process.pid).filter((pid): pid is number => pid !== undefined),
    stop(stopOptions = {}) {
      stopping = true;
      const workers = [...liveCalls.keys()];
      for (const worker of workers) {
        if (worker.isDead()) continue;
        if (stopOptions.force) worker.process.kill("SIGTERM");
        else if (worker.isConnected()) worker.send(STOP_MESSAGE);
      }
      stopped ??= Promise.all(
        workers.map((worker) => new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once("exit", () => resolve())))),
      ).then(() => undefined);
      return stopped;
    },
  };
}

/** In a worker: tells the pool something (no-op outside a cluster worker). */
export function tellWorkerPool(message: WorkerMessage): void {
  if (cluster.isWorker && process.send) process.send(message);
}

/** In a worker: runs `stop` when the pool says to drain and exit; returns the unhook. */
export function onWorkerPoolStop(stop: () => void): () => void {
  if (!cluster.isWorker) return () => {};
  const listener = (message: unknown) => {
    if ((message as { voxwire?: unknown } | null)?.voxwire === STOP_MESSAGE.voxwire) stop();
  };
  process.on("message", listener);
  return () => void process.off("message", listener);
}
