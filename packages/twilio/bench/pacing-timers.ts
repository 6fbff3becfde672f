/*
 * The pacing timers alone: 500 pacers, each fed one 20 ms frame every 20 ms (an agent at real
 * time) and sending into a no-op, on the shared scheduler and on one timer per pacer. Feeding is
 * the same for both, so the difference in CPU is the scheduling. Run in the parent process after
 * the load runs, when nothing else of the benchmark is running.
 */
import { createSharedScheduler, createTimerScheduler, FramePacer, type PacingScheduler } from "../src/index.js";

export interface PacingTimerResult {
  scheduler: string;
  calls: number;
  /** Process CPU per second of wall time, % of one core. */
  cpuPercent: number;
}

async function measure(name: string, scheduler: PacingScheduler, calls: number, seconds: number): Promise<PacingTimerResult> {
  let sent = 0;
  const pacers = Array.from(
    { length: calls },
    () =>
      new FramePacer({
        leadMs: 100,
        capacityMs: 10_000,
        frameMs: 20,
        sampleRate: 8000,
        idleAfterMs: 60,
        scheduler,
        send: () => {
          sent++;
        },
        onIdle: () => {},
      }),
  );
  const frame = new Int16Array(160);
  // Spread the calls over the 20 ms period, as independent calls are: one feeder tick per ms.
  let tick = 0;
  const feeder = setInterval(() => {
    for (let i = tick % 20; i < calls; i += 20) pacers[i]!.push(frame);
    tick++;
  }, 1);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cpu = process.cpuUsage();
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(cpu);
  const wall = performance.now() - start;
  clearInterval(feeder);
  for (const pacer of pacers) pacer.dispose();
  if (sent === 0) throw new Error("no frame was paced");
  return { scheduler: name, calls, cpuPercent: ((used.user + used.system) / 1000 / wall) * 100 };
}

/** Wakes nobody: frames still leave on push, so this is the cost of everything but the timers. */
function nullScheduler(): PacingScheduler {
  return { now: () => performance.now(), wake() {}, cancel() {}, pending: 0 };
}

export async function measurePacingTimers(calls = 500, seconds = 4): Promise<PacingTimerResult[]> {
  const results: PacingTimerResult[] = [];
  // Twice each, interleaved, keeping the lower: other load on the machine only ever adds.
  for (let round = 0; round < 2; round++) {
    results.push(await measure("shared scheduler (one timer, 10 ms grid)", createSharedScheduler({ tickMs: 10 }), calls, seconds));
    results.push(await measure("one timer per call", createTimerScheduler(), calls, seconds));
    results.push(await measure("no timers (the feeding alone, for reference)", nullScheduler(), calls, seconds));
  }
  const best = new Map<string, PacingTimerResult>();
  for (const r of results) if (!best.has(r.scheduler) || best.get(r.scheduler)!.cpuPercent > r.cpuPercent) best.set(r.scheduler, r);
  return [...best.values()];
}
