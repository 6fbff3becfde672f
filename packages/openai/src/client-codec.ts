import {
  AudioDataError,
  AuthError,
  ConcurrencyLimitError,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  type DialectEnv,
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
import { openingSession, type SessionSettings, updatedSession } from "./session-config.js";
import { textFrames, toolCallEvents, toolResultFrames } from "./tool-call.js";
import { readTranscript } from "./transcript.js";
import {
  DIALECT_NAME,
  decodeAudioPayload,
  encodeAudioPayload,
  OPENAI_BETA_EVENT_NAMES,
  OpenaiClientEvent,
  OpenaiErrorCode,
  OpenaiServerEvent,
} from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * The application's side of one OpenAI Realtime connection. `open()` sends the one
 * `session.update` built from the factory's options, `env.agent` and the `session` escape hatch.
 * Its state: the transcript text so far per role (the wire sends deltas; `transcript-delta`
 * carries the text so far), the item id of the agent's latest audio (the turn a barge-in cuts),
 * and a scratch buffer for G.711 encoding. What the event model has no event for (the response
 * lifecycle, rate-limit updates, `session.updated`, the `function_call` item …) passes through whole.
 */
export function createOpenaiCodec(
  plan: ConnectPlan,
  env: DialectEnv,
  settings: SessionSettings = { audio: audioOf(plan), compat: "ga" },
): DialectCodec {
  const inbound = plan.audio.inbound;
  const outbound = plan.audio.outbound;
  const transcripts = new TranscriptAccumulator();
  const aliases = settings.compat === "azure" ? OPENAI_BETA_EVENT_NAMES : undefined;
  let scratch = new Uint8Array(0);
  /** The agent item whose audio came last: what `speech_started` interrupts. */
  let agentItem: string | undefined;

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { message } = read.value;
    const type = (aliases && Object.hasOwn(aliases, read.value.type) ? aliases[read.value.type] : undefined) ?? read.value.type;
    const turn = typeof message.item_id === "string" && message.item_id !== "" ? { turnId: message.item_id } : {};
    switch (type) {
      case OpenaiServerEvent.sessionCreated:
        return [sessionStarted(message, frame)];
      case OpenaiServerEvent.outputAudioDelta: {
        const audio = decodeAudioPayload(message.delta, inbound.encoding, type);
        if (audio instanceof AudioDataError) return [errorEvent(audio, frame)];
        if (turn.turnId !== undefined) agentItem = turn.turnId;
        return [{ type: "audio-chunk", audio, sampleRate: inbound.sampleRate, ...turn, raw: frame }];
      }
      case OpenaiServerEvent.speechStarted:
        // The caller talks: the service's VAD fact, and a barge-in on the agent's latest item.
        return [
          { type: "speech-started", raw: frame },
          { type: "playback-clear", ...(agentItem === undefined ? {} : { turnId: agentItem }), raw: frame },
        ];
      case OpenaiServerEvent.speechStopped:
        return [{ type: "speech-stopped", raw: frame }];
      case OpenaiServerEvent.functionCallArgumentsDone:
        return toolCallEvents(message, frame);
      case OpenaiServerEvent.error:
        return [errorEvent(vendorError(message), frame)];
      default: {
        const fields = readTranscript(type, message);
        if (!fields) return [passthrough(read.value.type, message, frame)];
        const event = transcripts.apply(fields, frame);
        return [event.type === "transcript-delta" || event.type === "transcript-end" ? { ...event, ...turn } : event];
      }
    }
  }

  return {
    ready: true,
    open: () => [JSON.stringify({ type: OpenaiClientEvent.sessionUpdate, session: openingSession(settings, env.agent) })],
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
        case "tool-result":
          return toolResultFrames(event.callId, event.output, event.isError);
        case "text-send":
          return textFrames(event.text);
        case "playback-heard":
          // The reference wants an integer no greater than the item's audio (ConversationItemTruncateEvent).
          return [
            JSON.stringify({
              type: OpenaiClientEvent.itemTruncate,
              item_id: event.turnId,
              content_index: 0,
              audio_end_ms: Math.floor(event.heardMs),
            }),
          ];
        case "session-update":
          return [JSON.stringify({ type: OpenaiClientEvent.sessionUpdate, session: updatedSession(event.agent, settings.compat) })];
        default:
          // A stop is the socket's close; the wire has no mark, DTMF or playback-clear command.
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

/** The audio option a plan's wire format stands for (codecs built by hand, without the factory's settings). */
function audioOf(plan: ConnectPlan): SessionSettings["audio"] {
  const encoding = plan.audio.outbound.encoding;
  return encoding === "mulaw" ? "pcmu" : encoding === "alaw" ? "pcma" : "pcm16";
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
