import { startedCall } from "../conversation.js";
import { failed, ms, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/** How long a clean close may take. */
const CLOSE_BOUND_MS = 3000;

/**
 * Clean close: `session.close()` ends the session promptly, without an error, with a clean
 * close code; on the simulator the agent saw a normal close (1000).
 */
export const cleanCloseScenario: Scenario = {
  ...catalogEntry("close"),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call, marks, simRecord } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    if (marks.closeStart === undefined) return failed("the call never reached its close");
    const ended = call.of("session-ended").at(-1);
    if (marks.closeMs === undefined || !ended) return failed(`close() did not end the session within 5 s`);
    if (ended.atMs < marks.closeStart) return failed(`the session had already ended before close(): ${ended.event.reason}`);
    const measured: Record<string, number | string> = { closeMs: ms(marks.closeMs) };
    const errors = call.events.filter((e) => e.atMs >= marks.closeStart! && e.event.type === "error");
    const code = ended.event.code;
    const detail = `ended in ${measured.closeMs} ms (${code ?? "no code"} ${ended.event.reason})`;
    if (errors.length > 0)
      return failed(`${detail} with an error: ${errors.map((e) => (e.event.type === "error" ? e.event.code : "")).join(", ")}`, measured);
    if (code !== undefined && code !== 1000 && code !== 1005) return failed(`${detail}: not a clean close code`, measured);
    if (marks.closeMs > CLOSE_BOUND_MS) return failed(`${detail}: slower than ${CLOSE_BOUND_MS} ms`, measured);
    if (simRecord?.close && simRecord.close.code !== 1000) return failed(`${detail}, but the agent saw close ${simRecord.close.code}`, measured);
    return passed(detail, measured, `closed in ${measured.closeMs} ms (${code ?? "no code"})`);
  },
};
