import type { Logger } from "@voxwire/core";
import type { PhoneBridge } from "../bridge.js";

/** How long before the vendor's announced end the call is closed, so it ends cleanly rather than mid-word. */
const EXPIRY_MARGIN_MS = 1000;

export interface CallLimits {
  /** The longest a call may last, ms (0 or absent: no limit). */
  readonly maxCallMs?: number | undefined;
}

/**
 * Bounds one call: past `maxCallMs` it is ended ("max-duration"); when the agent's vendor says the
 * session is about to end (`session-expiring`), a session that can resume moves to a new
 * connection by itself, and any other ends the call just before the vendor would ("agent-expiring").
 * Every timer goes when the call ends.
 */
export function watchCallLimits(call: PhoneBridge, limits: CallLimits, log: Logger): void {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const unsubscribe: (() => void)[] = [];
  const after = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timer.unref?.();
    timers.add(timer);
  };
  const id = () => call.call?.callId || "(not started)";
  const maxCallMs = limits.maxCallMs ?? 0;
  if (maxCallMs > 0 && Number.isFinite(maxCallMs)) {
    after(maxCallMs, () => {
      log.info(`call ${id()} reached maxCallMs (${maxCallMs} ms): ending it`);
      void call.close("max_call_duration", "max-duration");
    });
  }
  const watchAgent = () => {
    const agent = call.agent;
    if (!agent) return;
    unsubscribe.push(
      agent.on("session-expiring", (event) => {
        if (agent.capabilities.resumption) {
          log.info(`call ${id()}: the agent session expires in ${event.inMs} ms; it resumes on a new connection`);
          return;
        }
        log.info(`call ${id()}: the agent session expires in ${event.inMs} ms and cannot resume: ending the call before it does`);
        after(Math.max(0, event.inMs - EXPIRY_MARGIN_MS), () => void call.close("agent_session_expiring", "agent-expiring"));
      }),
    );
  };
  // A bridge given a live session is connected already; one given a factory connects later.
  if (call.agent) watchAgent();
  else unsubscribe.push(call.on("agent-connected", watchAgent));
  void call.ended.then(() => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    for (const off of unsubscribe.splice(0)) off();
  });
}
