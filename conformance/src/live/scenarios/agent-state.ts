import { startedCall } from "../conversation.js";
import { failed, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/** Agent state: reported at all, and on the simulator `listening` before the agent first speaks. */
export const agentStateScenario: Scenario = {
  ...catalogEntry("agent-state"),
  skip: (ctx) => catalogEntry("agent-state").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    const states = call.of("agent-state").map((e) => e.event.state);
    const detail = states.length > 0 ? `states: ${states.join(" → ")}` : "no agent state reported";
    if (states.length === 0) return failed(detail);
    if (ctx.sim && states[0] !== "listening") return failed(`${detail}: the first state should be listening (ready)`);
    return passed(detail, { states: states.length }, states.join(" → "));
  },
};
