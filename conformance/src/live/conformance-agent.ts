import type { AgentConfig, DialectCapabilities, ToolSpec } from "@voxwire/core";
import type { AgentScript } from "../simulator/scripted-agent.js";

/*
 * What the live scenarios configure and script, in one place: the conformance tool, the call
 * the simulator's agent makes with it, the result the client answers with, the `agent` option a
 * call connects with, and the text the user types.
 */

/** The one tool the conformance agent knows. */
export const CONFORMANCE_TOOL: ToolSpec = {
  name: "get_weather",
  description: "The current weather in a city.",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

/** The call the simulator's agent makes before its first answer (dialects with `toolCalls`). */
export const CONFORMANCE_TOOL_CALL = { name: CONFORMANCE_TOOL.name, arguments: { city: "Paris" } } as const;

/** What a call answers the conformance tool with. */
export const CONFORMANCE_TOOL_OUTPUT = { city: "Paris", conditions: "sunny", celsius: 21 } as const;

/** The `agent` option a call connects with where the dialect has `sessionConfig`. */
export const CONFORMANCE_AGENT: AgentConfig = {
  instructions: "You are voxwire's conformance agent. Answer briefly. When asked about the weather, call get_weather.",
  tools: [CONFORMANCE_TOOL],
  turnDetection: "server",
};

/** What the user types in the shared call (dialects with `textInput`). */
export const CONFORMANCE_TEXT = "What is the weather in Paris?";

/** The simulator's script for a dialect: the default clips, with the tool call where tools are declared. */
export function conformanceScript(capabilities: DialectCapabilities): AgentScript | undefined {
  return capabilities.toolCalls ? { greeting: "greeting", answers: ["answer"], toolCall: CONFORMANCE_TOOL_CALL } : undefined;
}

/** A call's answer: the conformance tool's output, or an error result for a tool it does not know. */
export function conformanceToolAnswer(name: string): { output: unknown; isError: boolean } {
  return name === CONFORMANCE_TOOL.name
    ? { output: CONFORMANCE_TOOL_OUTPUT, isError: false }
    : { output: { error: `no tool "${name}" in the conformance run` }, isError: true };
}
