import { AuthError, type InboundEvent, ProtocolError, quotePeer, TimeoutError, VendorError, type VoxwireError, type WireFrame } from "@voxwire/core";
import { DeepgramErrorCode, type DeepgramMessage, DIALECT_NAME } from "./wire.js";

/*
 * `Error { description, code }` and `Warning { description, code }` (AgentV1Error, AgentV1Warning).
 * "Errors & Warnings" (https://developers.deepgram.com/docs/voice-agent-errors-warnings): an Error
 * is fatal ("treat every Error as a session-ending event"; the server closes shortly after), a
 * Warning is not and the session goes on.
 */

/** Codes that mean our own messages were wrong: retrying the same thing fails the same way. */
const CLIENT_FAULTS: ReadonlySet<string> = new Set([
  DeepgramErrorCode.unparsable,
  DeepgramErrorCode.beforeSettings,
  DeepgramErrorCode.settingsAlreadyApplied,
  DeepgramErrorCode.invalidSettings,
  DeepgramErrorCode.userAudioFormat,
]);
/** Codes the reference says to retry the connection for. */
const TRANSIENT: ReadonlySet<string> = new Set([
  DeepgramErrorCode.internal,
  DeepgramErrorCode.failedToStartListening,
  DeepgramErrorCode.asrConnectionClosed,
  DeepgramErrorCode.asrDriverTimeout,
]);

/** An `Error` as a typed, fatal error with Deepgram's code as the vendor code. */
export function vendorError(message: DeepgramMessage): VoxwireError {
  const code = typeof message.code === "string" && message.code.length > 0 ? message.code : undefined;
  const said = typeof message.description === "string" ? quotePeer(message.description) : "";
  const base = { dialect: DIALECT_NAME, fatal: true, ...(code === undefined ? {} : { vendorCode: code }) };
  if (code === DeepgramErrorCode.clientMessageTimeout) {
    return new TimeoutError(`the agent closed an idle session: no audio or KeepAlive came in time${said}`, base);
  }
  if (code !== undefined && CLIENT_FAULTS.has(code))
    return new ProtocolError(`the agent refused a message (${code})${said}`, { ...base, retryable: false });
  if (code !== undefined && /AUTH|UNAUTHORI[SZ]ED|FORBIDDEN/.test(code)) return new AuthError(`the agent refused the credential${said}`, base);
  return new VendorError(`the agent reported an error${code === undefined ? "" : ` (${code})`}${said}`, {
    ...base,
    retryable: code !== undefined && TRANSIENT.has(code),
  });
}

/** A `Warning` as a `debug` event: `CODE: description`, the frame kept whole as `raw`. */
export function warningDebug(message: DeepgramMessage, raw: WireFrame): InboundEvent {
  const code = typeof message.code === "string" ? message.code : "WARNING";
  const description = typeof message.description === "string" ? message.description : "";
  return { type: "debug", message: description ? `${code}: ${description}` : code, raw };
}

/** The `{ code, description }` of a `debug` event's message, for the vendor side. */
export function readWarningText(text: string): { code: string; description: string } {
  const match = /^([A-Z0-9_]+): ([\s\S]*)$/.exec(text);
  return match ? { code: match[1]!, description: match[2]! } : { code: "WARNING", description: text };
}
