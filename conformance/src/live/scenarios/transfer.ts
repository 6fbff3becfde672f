import { TRANSFER_DIGIT } from "../../simulator/scripted-agent.js";
import { startedCall } from "../conversation.js";
import { failed, ms, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/** Transfer where declared: on the simulator, the transfer digit makes the agent ask for a human. */
export const transferScenario: Scenario = {
  ...catalogEntry("transfer"),
  skip: (ctx) => {
    const lacking = catalogEntry("transfer").skipFor?.(ctx.capabilities);
    if (lacking) return lacking;
    if (!ctx.sim) return "a transfer can be triggered only on the built-in simulator";
    if (!ctx.capabilities.dtmfOut) return "the simulator's agent transfers on a digit, and the dialect cannot send one";
    return undefined;
  },
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call, transfer, marks } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    if (transfer?.event.type !== "transfer-requested") return failed(`no transfer-requested after pressing ${TRANSFER_DIGIT}`);
    const reason = transfer.event.reason ? ` (reason: ${transfer.event.reason})` : "";
    return passed(
      `transfer-requested after pressing ${TRANSFER_DIGIT}${reason}`,
      marks.dtmfSent === undefined ? {} : { transferAtMs: ms(transfer.atMs) },
      `requested after pressing ${TRANSFER_DIGIT}`,
    );
  },
};
