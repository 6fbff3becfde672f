import {
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  decodePcm16Chunk,
  errorEvent,
  httpError,
  type InboundEvent,
  isBinaryFrame,
  type OutboundEvent,
  passthrough,
  pcm16ToBytes,
  readJsonFrame,
  redact,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { TOKEN_FIRST_CLOSE_RULES, TOKEN_FIRST_HTTP_RULES, vendorError } from "./close-rules.js";
import { DIALECT_NAME, TokenFirstClose, TokenFirstServerEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * The application's side of one token-first connection. It holds two facts about the handshake:
 * whether `connected` has arrived (`ready`: until then the session sends nothing but the token,
 * holding the application's audio in its bounded queue), and the fatal vendor `error` that preceded a
 * refusal, so the close that follows ends the session without reporting the same failure twice.
 */
export function createTokenFirstCodec(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;
  let ready = false;
  let reported: VoxwireError | undefined;

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case TokenFirstServerEvent.connected:
        ready = true;
        return [sessionStarted(message, frame)];
      case TokenFirstServerEvent.agentReady:
        return [{ type: "agent-state", state: "listening", raw: frame }];
      case TokenFirstServerEvent.sessionEnded:
        return [
          { type: "session-ended", reason: typeof message.reason === "string" && message.reason ? message.reason : "session_ended", raw: frame },
        ];
      case TokenFirstServerEvent.error: {
        const code = typeof message.code === "string" && message.code ? message.code : "unknown";
        // The runtime redacts the event's message, not the error object inside it: redact here.
        const text = typeof message.message === "string" ? redact(message.message, plan.secrets) : "";
        const error = vendorError(code, text);
        if (error.fatal) reported = error;
        return [errorEvent(error, frame)];
      }
      default:
        return [passthrough(type, message, frame)];
    }
  }

  return {
    get ready() {
      return ready;
    },
    encode(event: OutboundEvent): WireFrame[] {
      // The wire has only audio from the client (the token is the plan's first frame); a stop is the socket's close.
      return event.type === "audio-append" ? [pcm16ToBytes(event.audio)] : [];
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (!isBinaryFrame(frame)) return decodeText(frame);
      return [decodePcm16Chunk(frame, sampleRate, DIALECT_NAME)];
    },
    close(code: number, reason: string): InboundEvent[] {
      const refusal = code === TokenFirstClose.tokenRefused || code === TokenFirstClose.protocolError;
      if (refusal && reported) return [{ type: "session-ended", reason: reported.code, code }];
      return closeEvents(code, reason, DIALECT_NAME, TOKEN_FIRST_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, TOKEN_FIRST_HTTP_RULES);
    },
  };
}

/** `ids`: the string fields named like ids (`session_id`, `call_id`, `id`); `metadata`: the rest, when any. */
function sessionStarted(message: Message, raw: string): InboundEvent {
  const ids: Record<string, string> = {};
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) {
    if (key === "type") continue;
    if (typeof value === "string" && /(^|_)id$|[a-z]Id$/.test(key)) ids[key] = value;
    else metadata[key] = value;
  }
  return Object.keys(metadata).length > 0 ? { type: "session-started", ids, metadata, raw } : { type: "session-started", ids, raw };
}
