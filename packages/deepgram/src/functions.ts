import { errorEvent, type InboundEvent, isRecord, ProtocolError, parsePeerJson, passthrough, type WireFrame } from "@voxwire/core";
import { type DeepgramMessage, DeepgramServerMessage, DIALECT_NAME } from "./wire.js";

/*
 * Function calls (AgentV1FunctionCallRequest, AgentV1FunctionCallCancelled,
 * AgentV1SendFunctionCallResponse; "Function Calling",
 * https://developers.deepgram.com/docs/voice-agents-function-calling): a `FunctionCallRequest`
 * lists calls, each `{ id, name, arguments: "<JSON text>", client_side }`. Only `client_side: true`
 * calls are the client's to answer, with `FunctionCallResponse { id, name, content }`; the server
 * runs the others itself and the frame passes through for them.
 */

/** The client-side calls of a `FunctionCallRequest` as `tool-call`s (and the frame passed through when it also lists server-side ones). */
export function readFunctionCalls(message: DeepgramMessage, raw: WireFrame): InboundEvent[] {
  const functions = Array.isArray(message.functions) ? message.functions : undefined;
  if (!functions) {
    const error = new ProtocolError("a FunctionCallRequest without a functions array was ignored", { dialect: DIALECT_NAME });
    return [errorEvent(error, raw)];
  }
  const events: InboundEvent[] = [];
  let serverSide = false;
  for (const fn of functions) {
    if (!isRecord(fn) || fn.client_side !== true) {
      serverSide = true;
      continue;
    }
    if (typeof fn.id !== "string" || fn.id.length === 0 || typeof fn.name !== "string" || fn.name.length === 0) {
      const error = new ProtocolError("a client-side function call without a string id and name cannot be answered; it was ignored", {
        dialect: DIALECT_NAME,
      });
      events.push(errorEvent(error, raw));
      continue;
    }
    const args = readArguments(fn.arguments);
    if (args instanceof ProtocolError) events.push(errorEvent(args, raw));
    // Unparsable arguments still reach the application, as the text they were, so the call can be answered.
    events.push({ type: "tool-call", callId: fn.id, name: fn.name, arguments: args instanceof ProtocolError ? fn.arguments : args, raw });
  }
  if (serverSide || events.length === 0) events.push(passthrough(DeepgramServerMessage.functionCallRequest, message, raw));
  return events;
}

/** `FunctionCallCancelled { functions: [{ id, name }] }` as `tool-call-cancelled`. */
export function readCancelledCalls(message: DeepgramMessage, raw: WireFrame): InboundEvent {
  if (!Array.isArray(message.functions)) return passthrough(DeepgramServerMessage.functionCallCancelled, message, raw);
  const callIds = message.functions.filter((f): f is DeepgramMessage => isRecord(f) && typeof f.id === "string").map((f) => f.id as string);
  return { type: "tool-call-cancelled", callIds, raw };
}

/** A call's `arguments`: JSON text parsed; absent or empty is `{}`; anything else a `ProtocolError`. */
function readArguments(text: unknown): unknown {
  if (text === undefined || text === "") return {};
  if (typeof text !== "string") return new ProtocolError("a function call's arguments are not a JSON string", { dialect: DIALECT_NAME });
  try {
    return parsePeerJson(text);
  } catch {
    return new ProtocolError(`a function call's arguments are not JSON (${text.length} characters); they are passed on as text`, {
      dialect: DIALECT_NAME,
    });
  }
}

/**
 * `content` is a string on the wire: a string output goes as it is, anything else as JSON. A
 * failed call (`isError`) goes as `{"error": <output>}`, since the message has no error flag:
 * voxwire's choice, documented in the package README.
 */
export function toolResultContent(output: unknown, isError: boolean): string {
  if (isError) return JSON.stringify({ error: output ?? null });
  if (typeof output === "string") return output;
  return JSON.stringify(output ?? null) ?? "null";
}
