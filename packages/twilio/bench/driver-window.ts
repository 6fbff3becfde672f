/*
 * A load driver's measurement window: between `window-start` and `window-stop` it logs each
 * stamped frame's latency, its own CPU and its event-loop delay, and `report()` gives them as
 * the fields every driver's `report` message carries (the parent checks that a driver was not
 * the bottleneck).
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { LatencyLog, type LatencyReport } from "./latency-log.js";

export interface DriverWindow {
  /** Receives the frames' stamps (recorded only inside the window). */
  readonly log: LatencyLog;
  start(): void;
  stop(): void;
  report(): { cpuPercent: number; latency: LatencyReport; loopDelayP99Ms: number };
}

export function createDriverWindow(origin: number): DriverWindow {
  const log = new LatencyLog(1 << 20, origin);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let cpu = process.cpuUsage();
  let at = 0;
  let cpuPercent = 0;
  return {
    log,
    start() {
      cpu = process.cpuUsage();
      at = performance.now();
      log.start();
      delay.reset();
      delay.enable();
    },
    stop() {
      const used = process.cpuUsage(cpu);
      cpuPercent = ((used.user + used.system) / 1000 / (performance.now() - at)) * 100;
      log.stop();
      delay.disable();
    },
    report: () => ({ cpuPercent, latency: log.report(), loopDelayP99Ms: delay.percentile(99) / 1e6 }),
  };
}
