import { CONFORMANCE_TEXT } from "../conformance-agent.js";
import { startedCall } from "../conversation.js";
import { failed, ms, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/**
 * Typed input, on the shared call: after the agent's answer the user types a message
 * (`session.sendText`); the vendor receives it (the simulator's record holds the text) and the
 * agent answers it (audio or an agent transcript after it).
 */
export const textInScenario: Scenario = {
  ...catalogEntry("text-in"),
  skip: (ctx) => catalogEntry("text-in").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call, simRecord, marks } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    if (marks.textSent === undefined) return failed("the session ended before the text could be sent");
    const sent = marks.textSent;
    const problems: string[] = [];
    if (simRecord && !simRecord.agent.texts.includes(CONFORMANCE_TEXT)) {
      const got = simRecord.agent.texts.map((t) => JSON.stringify(t)).join(", ") || "nothing";
      problems.push(`the agent received ${got}, not the text sent`);
    }
    const fatal = call.events.find((e) => e.atMs >= sent && e.event.type === "error" && e.event.fatal);
    if (fatal?.event.type === "error") problems.push(`the session failed after the text: ${fatal.event.code}`);
    const answered = marks.textAnswer;
    if (answered === undefined && problems.length === 0 && !ctx.sim) {
      return skipped(`"${CONFORMANCE_TEXT}" was sent, but the agent did not answer it within 6 s (a live agent may not)`);
    }
    if (answered === undefined) problems.push(`the agent did not answer the text within ${ctx.fast ? 2 : 6} s`);
    const measured: Record<string, number | string> = answered === undefined ? {} : { textAnswerMs: ms(answered - sent) };
    const detail = `"${CONFORMANCE_TEXT}" sent${ctx.sim && problems.length === 0 ? " and received" : ""}${answered === undefined ? "" : `; answered after ${measured.textAnswerMs} ms`}`;
    return problems.length === 0
      ? passed(detail, measured, `answered after ${measured.textAnswerMs} ms`)
      : failed(`${problems.join("; ")} (${detail})`, measured);
  },
};
