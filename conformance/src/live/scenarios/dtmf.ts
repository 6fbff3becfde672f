import { DTMF_IN, DTMF_OUT, startedCall } from "../conversation.js";
import { failed, ms, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/**
 * DTMF where declared: a digit sent reaches the peer (the simulator records it; a live vendor
 * must not refuse it), and on the simulator a digit pressed at the far end arrives.
 */
export const dtmfScenario: Scenario = {
  ...catalogEntry("dtmf"),
  skip: (ctx) => catalogEntry("dtmf").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call, simRecord, marks } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    const problems: string[] = [];
    const notes: string[] = [];
    const measured: Record<string, number | string> = {};
    if (ctx.capabilities.dtmfOut) {
      if (marks.dtmfSent === undefined) problems.push("the session ended before a digit could be sent");
      else if (simRecord) {
        if (simRecord.received.dtmf.includes(DTMF_OUT)) notes.push(`"${DTMF_OUT}" sent and received by the agent`);
        else problems.push(`"${DTMF_OUT}" was sent but the agent did not receive it`);
      } else {
        const refused = call.events.some((e) => e.atMs >= marks.dtmfSent! && e.event.type === "error" && e.event.fatal);
        if (refused) problems.push(`"${DTMF_OUT}" was sent and the session failed right after`);
        else notes.push(`"${DTMF_OUT}" sent (the vendor's handling is not observable)`);
      }
    }
    if (ctx.capabilities.dtmfIn) {
      if (!ctx.sim) notes.push("incoming DTMF is checked only on the built-in simulator");
      else if (conversation.dtmfIn?.event.type === "dtmf-received" && conversation.dtmfIn.event.digit === DTMF_IN) {
        notes.push(`"${DTMF_IN}" pressed at the far end arrived`);
        measured.dtmfIn = DTMF_IN;
      } else problems.push(`"${DTMF_IN}" pressed at the far end did not arrive`);
    }
    if (marks.dtmfSent !== undefined) measured.dtmfSentAtMs = ms(marks.dtmfSent);
    const detail = notes.join("; ");
    const summary = [
      ctx.capabilities.dtmfOut ? `out "${DTMF_OUT}" ${simRecord?.received.dtmf.includes(DTMF_OUT) ? "received" : "sent"}` : "",
      ctx.capabilities.dtmfIn && ctx.sim ? `in "${DTMF_IN}" ${conversation.dtmfIn ? "arrived" : "missing"}` : "",
    ]
      .filter(Boolean)
      .join(" · ");
    return problems.length === 0 ? passed(detail, measured, summary) : failed(`${problems.join("; ")}${detail ? ` (${detail})` : ""}`, measured);
  },
};
