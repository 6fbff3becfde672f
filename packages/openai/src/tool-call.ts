import { errorEvent, type InboundEvent, isRecord, ProtocolError, parsePeerJson } from "@voxwire/core";
import { DIALECT_NAME, OpenaiClientEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/*
 * Tool calls on the Realtime wire (openai-node src/resources/realtime/realtime.ts):
 * `response.function_call_arguments.done { call_id, name, arguments }` is the one voxwire reads,
 * the event the reference gives for "the function call's arguments are final". The same call
 * also appears as a `function_call` item in `response.output_item.done`, which passes through,
 * so a call is never emitted twice. The answer is a `function_call_output` item, then
 * `response.create`, which asks the model to go on with the result.
 */

/**
 * A `response.function_call_arguments.done` as `tool-call`. `arguments` is the JSON the model
 * wrote, parsed; an empty string is `{}` (a function without parameters). Arguments that are
 * not JSON give an `invalid`-arguments error event first and then the call with the raw string
 * as its `arguments`, so the application can still answer it (the model waits for an output
 * for every call). A frame without a call id or a name is only the error.
 */
export function toolCallEvents(message: Message, raw: string): InboundEvent[] {
  const { call_id: callId, name } = message;
  if (typeof callId !== "string" || callId === "" || typeof name !== "string" || name === "") {
    const error = new ProtocolError("response.function_call_arguments.done without a call_id and a name", { dialect: DIALECT_NAME });
    return [errorEvent(error, raw)];
  }
  const text = typeof message.arguments === "string" ? message.arguments : "";
  if (text.trim() === "") return [{ type: "tool-call", callId, name, arguments: {}, raw }];
  try {
    return [{ type: "tool-call", callId, name, arguments: parsePeerJson(text), raw }];
  } catch {
    const error = new ProtocolError(`the arguments of tool call ${callId} (${name}) are not JSON; the call carries them as a string`, {
      dialect: DIALECT_NAME,
    });
    return [errorEvent(error, raw), { type: "tool-call", callId, name, arguments: text, raw }];
  }
}

/** A tool's result as the `output` string the wire carries: a string as is, anything else as JSON. */
export function outputText(output: unknown, isError: boolean | undefined): string {
  const text = typeof output === "string" ? output : (JSON.stringify(output) ?? "null");
  // The item has no error flag: an error result says so in its output, as JSON the model reads.
  return isError === true ? JSON.stringify({ error: text }) : text;
}

/** `conversation.item.create` with the `function_call_output`, then `response.create`. */
export function toolResultFrames(callId: string, output: unknown, isError: boolean | undefined): string[] {
  const item = { type: "function_call_output", call_id: callId, output: outputText(output, isError) };
  return [JSON.stringify({ type: OpenaiClientEvent.itemCreate, item }), `{"type":"${OpenaiClientEvent.responseCreate}"}`];
}

/** `conversation.item.create` with a user message of one `input_text`, then `response.create`. */
export function textFrames(text: string): string[] {
  const item = { type: "message", role: "user", content: [{ type: "input_text", text }] };
  return [JSON.stringify({ type: OpenaiClientEvent.itemCreate, item }), `{"type":"${OpenaiClientEvent.responseCreate}"}`];
}

/** What a client's `conversation.item.create` is, for the peer side: a tool result, typed text, or neither. */
export function readItemCreate(
  message: Message,
): { kind: "tool-result"; callId: string; output: string; isError: boolean } | { kind: "text"; text: string } | undefined {
  const item = isRecord(message.item) ? message.item : undefined;
  if (!item) return undefined;
  if (item.type === "function_call_output" && typeof item.call_id === "string" && item.call_id !== "") {
    const output = typeof item.output === "string" ? item.output : "";
    const failed = readError(output);
    return failed === undefined
      ? { kind: "tool-result", callId: item.call_id, output, isError: false }
      : { kind: "tool-result", callId: item.call_id, output: failed, isError: true };
  }
  if (item.type === "message" && item.role === "user" && Array.isArray(item.content)) {
    const text = item.content
      .filter((part): part is Record<string, unknown> => isRecord(part) && part.type === "input_text" && typeof part.text === "string")
      .map((part) => part.text as string)
      .join("");
    return text === "" ? undefined : { kind: "text", text };
  }
  return undefined;
}

/** The text of an `{"error": "…"}` output (what `outputText` writes for an error result), else undefined. */
function readError(output: string): string | undefined {
  if (!output.startsWith('{"error":')) return undefined;
  try {
    const parsed = parsePeerJson(output);
    return isRecord(parsed) && Object.keys(parsed).length === 1 && typeof parsed.error === "string" ? parsed.error : undefined;
  } catch {
    return undefined;
  }
}
