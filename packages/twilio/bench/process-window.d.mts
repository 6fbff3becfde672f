// Types for process-window.mjs.
export interface ProcessWindowFields {
  liveCalls: number;
  droppedInWindow: number;
  maxLeadMs: number;
  scheduler: string;
}
export interface ProcessWindow {
  start(): void;
  /** The `window` message: the process's own figures and what the caller adds. */
  stop<T extends ProcessWindowFields>(fields: T): T & { type: "window"; wallMs: number; cpuMs: number; userMs: number; systemMs: number; eventLoopUtilization: number; loopDelayP50Ms: number; loopDelayP99Ms: number; rssMb: number };
}
export function createProcessWindow(): ProcessWindow;
