/*
 * The measurement window of the process under test (the bridge, the bare relay, the peer): its
 * CPU time, event-loop utilization and delay between `window-start` and `window-stop`, as the
 * `window` message the parent reads. Plain JavaScript, so the peer process (plain Node, no tsx)
 * measures itself with the same code as ours.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

export function createProcessWindow() {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let cpu = process.cpuUsage();
  let at = 0;
  let elu = performance.eventLoopUtilization();
  return {
    start() {
      delay.reset();
      delay.enable();
      cpu = process.cpuUsage();
      at = performance.now();
      elu = performance.eventLoopUtilization();
    },
    stop(fields) {
      const used = process.cpuUsage(cpu);
      const wallMs = performance.now() - at;
      const utilization = performance.eventLoopUtilization(elu).utilization;
      delay.disable();
      return {
        type: "window",
        wallMs,
        cpuMs: (used.user + used.system) / 1000,
        userMs: used.user / 1000,
        systemMs: used.system / 1000,
        eventLoopUtilization: utilization,
        loopDelayP50Ms: delay.percentile(50) / 1e6,
        loopDelayP99Ms: delay.percentile(99) / 1e6,
        rssMb: process.memoryUsage().rss / 2 ** 20,
        ...fields,
      };
    },
  };
}
