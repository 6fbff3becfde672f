import {
  AudioDataError,
  AuthError,
  ConcurrencyLimitError,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  errorEvent,
  httpError,
  type InboundEvent,
  isBinaryFrame,
  isRecord,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  quotePeer,
  readJsonFrame,
  TokenExpiredError,
  TranscriptAccumulator,
  VendorError,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { OPENAI_CLOSE_RULES, OPENAI_HTTP_RULES } from "./close-rules.js";
import { readTranscript } from "./transcript.js";
import { DIALECT_NAME, decodeAudioPayload, encodeAudioPayload, OpenaiClientEvent, OpenaiErrorCode, OpenaiServerEvent } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * The application's side of one OpenAI Realtime connection. Its one piece of state is the
 * transcript text so far per role (the wire sends deltas; `transcript-delta` carries the text so
 * far), and a scratch buffer for G.711 encoding. Everything spec v1 has no event for (tool calls,
 * response lifecycle, rate-limit updates, `session.updated` …) passes through whole.
 */
export function createOpenaiCodec(plan: ConnectPlan): DialectCodec {
  const inbound = plan.audio.inbound;
  const outbound = plan.audio.outbound;
  const transcripts = new TranscriptAccumulator();
  let scratch = new Uint8Array(0);

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case OpenaiServerEvent.sessionCreated:
        return [sessionStarted(message, frame)];
      case OpenaiServerEvent.outputAudioDelta: {
        const audio = decodeAudioPayload(message.delta, inbound.encoding, type);
        if (audio instanceof AudioDataError) return [errorEvent(audio, frame)];
        return [{ type: "audio-chunk", audio, sampleRate: inbound.sampleRate, raw: frame }];
      }
      case OpenaiServerEvent.speechStarted:
        return [{ type: "playback-clear", raw: frame }];
      case OpenaiServerEvent.error:
        return [errorEvent(vendorError(message), frame)];
      default: {
        const fields = readTranscript(type, message);
        return [fields ? transcripts.apply(fields, frame) : passthrough(type, message, frame)];
      }
    }
  }

  return {
    ready: true,
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append": {
          if (event.sampleRate !== outbound.sampleRate) {
            throw new ProtocolError(`audio-append at ${event.sampleRate} Hz, but the session sends ${outbound.sampleRate} Hz`, {
              dialect: DIALECT_NAME,
            });
          }
          if (outbound.encoding !== "pcm16" && scratch.length < event.audio.length) scratch = new Uint8Array(event.audio.length);
          const audio = encodeAudioPayload(event.audio, outbound.encoding, outbound.encoding === "pcm16" ? undefined : scratch);
          return [`{"type":"${OpenaiClientEvent.inputAudioAppend}","audio":"${audio}"}`];
        }
        default:
          // Spec v1 has nothing else this wire carries: a stop is the socket's close, and
          // truncation (what a barge-in would send) waits for spec v2.
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (isBinaryFrame(frame)) {
        const error = new ProtocolError(`OpenAI Realtime sends JSON text only; a binary frame of ${frame.byteLength} bytes was ignored`, {
          dialect: DIALECT_NAME,
        });
        return [errorEvent(error, frame)];
      }
      return decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, OPENAI_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, OPENAI_HTTP_RULES);
    },
  };
}

/** `session.created`: the session's `id` is the id; the event id and the session object are kept as metadata. */
function sessionStarted(message: Message, raw: string): InboundEvent {
  const session = isRecord(message.session) ? message.session : undefined;
  const ids: Record<string, string> = typeof session?.id === "string" ? { session_id: session.id } : {};
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(message)) if (key !== "type" && key !== "__proto__") metadata[key] = value;
  return Object.keys(metadata).length > 0 ? { type: "session-started", ids, metadata, raw } : { type: "session-started", ids, raw };
}

/**
 * An `error` event (`RealtimeErrorEvent`: `error { type, code?, message }`) as a typed error with
 * the vendor's code: a refused key is `auth_failed`, an expired session `token_expired`, rate
 * limits `concurrency_limit`; anything else `vendor_error`, not fatal (the reference says most
 * errors are recoverable and the session stays open).
 */
function vendorError(message: Message): VoxwireError {
  const error = isRecord(message.error) ? message.error : {};
  const code = typeof error.code === "string" ? error.code : undefined;
  const kind = typeof error.type === "string" ? error.type : undefined;
  const said = typeof error.message === "string" ? quotePeer(error.message) : "";
  const options = { dialect: DIALECT_NAME, vendorCode: code ?? kind };
  if (code === OpenaiErrorCode.invalidApiKey) return new AuthError(`the API key was refused${said}`, options);
  if (code === OpenaiErrorCode.sessionExpired) return new TokenExpiredError(`the session expired${said}`, options);
  if (code === OpenaiErrorCode.rateLimitExceeded || kind === "rate_limit_error" || kind === "rate_limit_exceeded") {
    return new ConcurrencyLimitError(`rate limited${said}`, options);
  }
  return new VendorError(`the service reported an error${said}`, options);
}
