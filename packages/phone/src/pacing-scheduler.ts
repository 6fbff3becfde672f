import { performance } from "node:perf_hooks";

/** Something the scheduler calls back at (or soon after) the time it asked for. */
export interface Tickable {
  tick(now: number): void;
}

/** Wakes pacers at monotonic times. One per process (shared) or one timer per pacer. */
export interface PacingScheduler {
  /** Monotonic ms. */
  now(): number;
  /** Calls `target.tick` at or after `at` (monotonic ms), replacing any earlier request of the same target. */
  wake(target: Tickable, at: number): void;
  /** Forgets `target`'s pending request. */
  cancel(target: Tickable): void;
  /** Targets with a pending request. */
  readonly pending: number;
}

/** Timer functions, injectable so tests can drive the scheduler with a fake clock. */
export interface SchedulerClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: SchedulerClock = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * One timer for every pacer in the process: it ticks on a fixed grid (`tickMs`, aligned to its
 * first start so lateness never accumulates) while any pacer has a request, and stops when none
 * has, so no timer outlives the last call. At hundreds of calls this is one timer callback per
 * tick instead of one per pacer per frame (the benchmark measures both).
 */
export function createSharedScheduler(options: { tickMs?: number; clock?: SchedulerClock } = {}): PacingScheduler {
  const tickMs = options.tickMs ?? 10;
  const clock = options.clock ?? realClock;
  const due = new Map<Tickable, number>();
  let timer: unknown;
  let gridStart = 0;

  function arm(): void {
    if (timer !== undefined || due.size === 0) return;
    const now = clock.now();
    if (gridStart === 0) gridStart = now;
    const next = gridStart + (Math.floor((now - gridStart) / tickMs) + 1) * tickMs;
    timer = clock.setTimeout(run, next - now);
  }

  function run(): void {
    timer = undefined;
    const now = clock.now();
    for (const [target, at] of due) {
      if (at > now) continue;
      due.delete(target);
      target.tick(now);
    }
    if (due.size === 0) gridStart = 0;
    arm();
  }

  return {
    now: clock.now,
    wake(target, at) {
      due.set(target, at);
      arm();
    },
    cancel(target) {
      due.delete(target);
      if (due.size === 0 && timer !== undefined) {
        clock.clearTimeout(timer);
        timer = undefined;
        gridStart = 0;
      }
    },
    get pending() {
      return due.size;
    },
  };
}

/** One timer per pacer, set for exactly the moment it asked for. */
export function createTimerScheduler(options: { clock?: SchedulerClock } = {}): PacingScheduler {
  const clock = options.clock ?? realClock;
  const timers = new Map<Tickable, unknown>();
  return {
    now: clock.now,
    wake(target, at) {
      const existing = timers.get(target);
      if (existing !== undefined) clock.clearTimeout(existing);
      const handle = clock.setTimeout(
        () => {
          timers.delete(target);
          target.tick(clock.now());
        },
        Math.max(0, at - clock.now()),
      );
      timers.set(target, handle);
    },
    cancel(target) {
      const existing = timers.get(target);
      if (existing === undefined) return;
      clock.clearTimeout(existing);
      timers.delete(target);
    },
    get pending() {
      return timers.size;
    },
  };
}

let shared: PacingScheduler | undefined;

/** The process-wide shared scheduler, made on first use (nothing runs on import). */
export function defaultPacingScheduler(): PacingScheduler {
  shared ??= createSharedScheduler();
  return shared;
}
