import { isDeepStrictEqual } from "node:util";
import { CONFORMANCE_TOOL_CALL } from "../conformance-agent.js";
import { startedCall } from "../conversation.js";
import { failed, ms, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/**
 * Tool calls, on the shared call: the agent calls a tool during the user's turn (on the
 * simulator the scripted `get_weather { city: "Paris" }`, name and parsed arguments as
 * scripted), the call answers it, the result reaches the vendor (the simulator's record holds
 * the output sent), and the agent speaks again after it. Against a URL, a turn without a tool
 * call is skipped: a live agent calls one only when its setup and the user's words lead it to.
 */
export const toolCallScenario: Scenario = {
  ...catalogEntry("tool-call"),
  skip: (ctx) => catalogEntry("tool-call").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call, simRecord } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    const arrived = call.of("tool-call")[0];
    if (!arrived) {
      if (!ctx.sim) {
        return skipped(
          `no tool call arrived during the user's turn: a live agent calls one (here ${CONFORMANCE_TOOL_CALL.name}) only when its configuration and the user's words lead it to, so there was nothing to answer`,
        );
      }
      return failed(`the simulator's agent called ${CONFORMANCE_TOOL_CALL.name} before its answer, but no tool-call arrived`);
    }
    const { callId, name } = arrived.event;
    const args = arrived.event.arguments;
    const problems: string[] = [];
    if (ctx.sim) {
      if (name !== CONFORMANCE_TOOL_CALL.name) problems.push(`the call names "${name}", scripted "${CONFORMANCE_TOOL_CALL.name}"`);
      if (!isDeepStrictEqual(args, CONFORMANCE_TOOL_CALL.arguments)) {
        problems.push(`its arguments read ${JSON.stringify(args)}, scripted ${JSON.stringify(CONFORMANCE_TOOL_CALL.arguments)}`);
      }
    }
    const answer = call.toolAnswers.find((a) => a.callId === callId);
    if (!answer) return failed(`tool-call ${name} (${callId}) arrived but the session ended before it could be answered`);
    if (simRecord) {
      const seen = simRecord.agent.tools.find((t) => t.callId === callId);
      if (!seen || !("output" in seen)) problems.push(`the result went out, but the agent never received one for ${callId}`);
      else if (!sameOutput(seen.output, answer.output)) {
        problems.push(`the agent received ${JSON.stringify(seen.output)}, the client sent ${JSON.stringify(answer.output)}`);
      }
    } else {
      const fatal = call.events.find((e) => e.atMs >= answer.atMs && e.event.type === "error" && e.event.fatal);
      if (fatal?.event.type === "error") problems.push(`the session failed after the result: ${fatal.event.code}`);
    }
    const spoke = call.events.find((e) => e.atMs > answer.atMs && e.event.type === "audio-chunk");
    if (!spoke) problems.push("the agent did not speak after the result");
    const measured: Record<string, number | string> = { tool: name };
    if (spoke) measured.resultToAudioMs = ms(spoke.atMs - answer.atMs);
    const detail = `${name}(${JSON.stringify(args)}) → ${JSON.stringify(answer.output)}${spoke ? `; the agent spoke ${measured.resultToAudioMs} ms after the result` : ""}`;
    const summary = `${name} answered${spoke ? ` · audio ${measured.resultToAudioMs} ms after the result` : ""}`;
    return problems.length === 0 ? passed(detail, measured, summary) : failed(`${problems.join("; ")} (${detail})`, measured);
  },
};

/**
 * What the agent received is what the client sent: equal, or the JSON text of it (most wires
 * carry a tool's output as a string, so the vendor side reads the serialized form).
 */
function sameOutput(received: unknown, sent: unknown): boolean {
  if (isDeepStrictEqual(received, sent)) return true;
  if (typeof received !== "string" || typeof sent === "string") return false;
  try {
    return isDeepStrictEqual(JSON.parse(received), sent);
  } catch {
    return false;
  }
}
