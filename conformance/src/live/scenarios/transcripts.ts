import { startedCall } from "../conversation.js";
import { failed, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/**
 * Transcript shape: every delta's `text` is the turn so far (the previous text plus the delta),
 * every turn ends with a `transcript-end`, whose text the last delta agrees with; on the
 * simulator, the greeting and the user's turn are both there.
 */
export const transcriptsScenario: Scenario = {
  ...catalogEntry("transcripts"),
  skip: (ctx) => catalogEntry("transcripts").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    const problems: string[] = [];
    const turns = { user: 0, agent: 0 };
    const deltas = { user: 0, agent: 0 };
    const soFar = { user: "", agent: "" };
    for (const { event } of call.events) {
      if (event.type === "transcript-delta") {
        deltas[event.role]++;
        if (event.text !== soFar[event.role] + event.delta && !event.text.endsWith(event.delta)) {
          problems.push(`a ${event.role} delta "${event.delta}" does not extend the turn: text "${event.text}" after "${soFar[event.role]}"`);
        }
        soFar[event.role] = event.text;
      } else if (event.type === "transcript-end") {
        turns[event.role]++;
        if (soFar[event.role] !== "" && soFar[event.role] !== event.text) {
          problems.push(`a ${event.role} turn ended with "${event.text}" after deltas reading "${soFar[event.role]}"`);
        }
        if (event.text.trim() === "") problems.push(`an empty ${event.role} turn`);
        soFar[event.role] = "";
      }
    }
    if (ctx.capabilities.transcriptDeltas && deltas.agent + deltas.user === 0) problems.push("the dialect declares deltas, but none came");
    if (ctx.sim && turns.agent === 0) problems.push("no agent transcript for the greeting");
    if (ctx.sim && turns.user === 0) problems.push("no user transcript for the user's turn");
    const measured = { agentTurns: turns.agent, agentDeltas: deltas.agent, userTurns: turns.user, userDeltas: deltas.user };
    const detail = `agent: ${plural(turns.agent, "turn")}, ${plural(deltas.agent, "delta")}; user: ${plural(turns.user, "turn")}, ${plural(deltas.user, "delta")}`;
    const summary = `agent: ${plural(turns.agent, "turn")}, ${plural(deltas.agent, "delta")} · user: ${plural(turns.user, "turn")}, ${plural(deltas.user, "delta")}`;
    return problems.length === 0 ? passed(detail, measured, summary) : failed(`${problems.join("; ")} (${detail})`, measured, summary);
  },
};

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
