import { CONFORMANCE_AGENT, CONFORMANCE_TOOL } from "../conformance-agent.js";
import { startedCall } from "../conversation.js";
import { failed, passed, type Scenario, skipped } from "../scenario.js";
import { catalogEntry } from "../scenario-catalog.js";

/**
 * Session configuration, on the shared call (which connects with the conformance `agent`
 * option: instructions, the conformance tool, server turn detection): on the simulator the
 * agent's first configuration (the dialect's peer codec decodes the vendor's setup message into
 * `session-update`) holds the instructions and the tool's name; against a URL, the session must
 * start with it and not fail.
 */
export const sessionConfigScenario: Scenario = {
  ...catalogEntry("session-config"),
  skip: (ctx) => catalogEntry("session-config").skipFor?.(ctx.capabilities),
  async run(ctx) {
    const conversation = await ctx.conversation();
    const { call, simRecord } = conversation;
    if (!call || !startedCall(conversation)) return skipped("no session (see bootstrap)");
    if (!simRecord) {
      const fatal = call.of("error").find((e) => e.event.fatal);
      if (fatal) return failed(`the session started with the agent option, then failed: ${fatal.event.code}`);
      return passed(
        "the session started with the agent option and ran without error (what the vendor applied is checked only on the built-in simulator)",
      );
    }
    const config = simRecord.agent.configs[0];
    if (!config) return failed("the agent received no configuration (the peer codec decoded no session-update from the client's setup)");
    const problems: string[] = [];
    if (config.instructions !== CONFORMANCE_AGENT.instructions) {
      problems.push(
        config.instructions === undefined ? "no instructions arrived" : `the instructions arrived as ${JSON.stringify(config.instructions)}`,
      );
    }
    // A vendor whose tools live in its own console (ElevenLabs) carries none in the session's
    // configuration: its subject says so with `configCarriesTools: false`.
    const tools = (config.tools ?? []).map((t) => t.name);
    if (ctx.subject.configCarriesTools !== false && !tools.includes(CONFORMANCE_TOOL.name)) {
      problems.push(`the tool ${CONFORMANCE_TOOL.name} is missing (tools: ${tools.join(", ") || "none"})`);
    }
    const measured: Record<string, number | string> = { configs: simRecord.agent.configs.length, tools: tools.length };
    if (config.turnDetection !== undefined) measured.turnDetection = config.turnDetection;
    const detail = `the agent's first configuration holds the instructions and ${CONFORMANCE_TOOL.name}${config.turnDetection ? ` (turn detection "${config.turnDetection}")` : ""}`;
    return problems.length === 0
      ? passed(detail, measured, `instructions and ${CONFORMANCE_TOOL.name} arrived`)
      : failed(`${problems.join("; ")} in the agent's first configuration`, measured);
  },
};
