import { type AgentConfig, type DialectCapabilities, NO_CAPABILITIES, type ToolSpec } from "@voxwire/core";
import type { ClientTarget } from "../client-target.js";
import type { AgentScript } from "../simulator/scripted-agent.js";
import { DEFAULT_SIMULATOR_KEY } from "../simulator/start-simulator.js";
import type { ConformanceSubject } from "./live-subject.js";

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

/**
 * What a subject's client declares it can carry, read from a dialect built before any simulator
 * URL exists (a placeholder URL, the simulator's default key); none when it cannot be built so.
 */
export function declaredCapabilities(subject: ConformanceSubject, target: Partial<ClientTarget> = {}): DialectCapabilities {
  try {
    return subject.client({ url: "http://127.0.0.1:9", key: DEFAULT_SIMULATOR_KEY, ...target }).capabilities;
  } catch {
    return { ...NO_CAPABILITIES };
  }
}

/**
 * The script a subject's simulator runs so the shared scenarios pass against it (`voxwire check
 * --url` on `voxwire simulate`, as on the built-in run): the conformance tool call where the
 * client declares `toolCalls`, else the default clips (undefined).
 */
export function conformanceScriptFor(subject: ConformanceSubject, target: Partial<ClientTarget> = {}): AgentScript | undefined {
  return conformanceScript(declaredCapabilities(subject, target));
}
