import type { SchedulerClock } from "../src/index.js";

/** A clock whose timers run only when the test advances it; `lateMs` makes every timer fire late. */
export function fakeClock(options: { lateMs?: () => number } = {}) {
  let now = 1000;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: SchedulerClock = {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms) + (options.lateMs?.() ?? 0), run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  return {
    clock,
    get now() {
      return now;
    },
    get timers() {
      return timers.size;
    },
    /** Moves time forward by `ms`, running every timer that falls due, in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        let nextId: number | undefined;
        let nextAt = Number.POSITIVE_INFINITY;
        for (const [id, timer] of timers) {
          if (timer.at <= end && timer.at < nextAt) {
            nextAt = timer.at;
            nextId = id;
          }
        }
        if (nextId === undefined) break;
        const timer = timers.get(nextId)!;
        timers.delete(nextId);
        now = Math.max(now, timer.at);
        timer.run();
      }
      now = end;
    },
  };
}
