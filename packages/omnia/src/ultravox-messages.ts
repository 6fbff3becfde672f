import { errorEvent, type InboundEvent, type PeerDecoded, ProtocolError, passthrough } from "@voxwire/core";
import { ULTRAVOX_TOOL_FAILED, ULTRAVOX_TOOL_RESPONSE, UltravoxMessage } from "./wire.js";

/*
 * Ultravox's tool, text and hang-up data messages (Ultravox docs, "Protocol & Data Messages",
 * https://docs.ultravox.ai/apps/datamessages), both ways, for presets that declare them:
 *   ← client_tool_invocation { toolName, invocationId, parameters }      tool-call
 *   → client_tool_result { invocationId, result, responseType }          tool-result
 *   → client_tool_result { invocationId, responseType, errorType: "implementation-error", errorMessage }   tool-result, isError
 *   → user_text_message { text }                                         text-send (urgency left to its default, "soon")
 *   → hang_up                                                            session-stop (then the socket closes)
 */

type Message = Readonly<Record<string, unknown>>;

/**
 * A `client_tool_invocation` as `tool-call`: `parameters` is already JSON (an object), so it is
 * the call's `arguments` as sent (`{}` when absent). Without a tool name or an invocation id
 * there is nothing to answer: a non-fatal protocol error, and the message passes through.
 */
export function toolInvocationEvents(message: Message, raw: string, dialect: string): InboundEvent[] {
  const { toolName, invocationId } = message;
  if (typeof toolName !== "string" || toolName === "" || typeof invocationId !== "string" || invocationId === "") {
    const why = new ProtocolError("client_tool_invocation without a toolName and an invocationId; passed through", { dialect });
    return [errorEvent(why, raw), passthrough(UltravoxMessage.clientToolInvocation, message, raw)];
  }
  const args = message.parameters === undefined || message.parameters === null ? {} : message.parameters;
  return [{ type: "tool-call", callId: invocationId, name: toolName, arguments: args, raw }];
}

/**
 * A tool's answer as `client_tool_result`: a result's `output` as `result` (a string as is, the
 * documented "often a JSON string"; anything else as JSON); an error's as `errorMessage` with
 * `errorType: "implementation-error"` and no `result`, as documented for a tool that failed.
 */
export function toolResultFrame(callId: string, output: unknown, isError: boolean | undefined): string {
  const text = typeof output === "string" ? output : (JSON.stringify(output) ?? "null");
  const base = { type: UltravoxMessage.clientToolResult, invocationId: callId, responseType: ULTRAVOX_TOOL_RESPONSE };
  return JSON.stringify(isError === true ? { ...base, errorType: ULTRAVOX_TOOL_FAILED, errorMessage: text } : { ...base, result: text });
}

/** Typed user text as `user_text_message`. */
export function userTextFrame(text: string): string {
  return JSON.stringify({ type: UltravoxMessage.userTextMessage, text });
}

/** The client's end of the call as `hang_up` (no farewell `message`: a stop's reason is not words to speak). */
export const HANG_UP_FRAME = JSON.stringify({ type: UltravoxMessage.hangUp });

/** The vendor's side: a `client_tool_invocation` for the agent's `tool-call`. */
export function toolInvocationFrame(callId: string, name: string, args: unknown): string {
  return JSON.stringify({ type: UltravoxMessage.clientToolInvocation, toolName: name, invocationId: callId, parameters: args });
}

/**
 * The vendor's side of a client message: `client_tool_result` as `tool-result` (an `errorType`
 * makes it an error whose output is the `errorMessage`), `user_text_message` as `text-send`.
 * Undefined for any other message, or one missing what the docs require (the id, the text).
 */
export function readUltravoxClientMessage(type: string, message: Message): PeerDecoded | undefined {
  if (type === UltravoxMessage.clientToolResult) {
    const callId = message.invocationId;
    if (typeof callId !== "string" || callId === "") return undefined;
    if (typeof message.errorType === "string" && message.errorType !== "") {
      const said = typeof message.errorMessage === "string" ? message.errorMessage : "";
      return { type: "tool-result", callId, output: said, isError: true };
    }
    return { type: "tool-result", callId, output: typeof message.result === "string" ? message.result : "", isError: false };
  }
  if (type === UltravoxMessage.userTextMessage) {
    return typeof message.text === "string" && message.text !== "" ? { type: "text-send", text: message.text } : undefined;
  }
  return undefined;
}
