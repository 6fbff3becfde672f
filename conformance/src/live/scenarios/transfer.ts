import { startedCall } from "../conversation.js";
import { TRANSFER_DIGIT } from "../../simulator/scripted-agent.js";
import { type Scenario, failed, ms, passed, skipped } from "../scenario.js";

/** Transfer where declared: on the simulator, the transfer digit makes the agent ask for a human. */
export const transferScenario: Scenario = {
  id: "transfer",
  title: "transfer to a human",
  skip: (ctx) => {
    if (!ctx.capabilities.transfer) return "the dialect declares no transfer (transfer: false)";
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
    return passed(`transfer-requested after pressing ${TRANSFER_DIGIT}${reason}`, marks.dtmfSent === undefined ? {} : { transferAtMs: ms(transfer.atMs) }, `requested after pressing ${TRANSFER_DIGIT}`);
  },
};
