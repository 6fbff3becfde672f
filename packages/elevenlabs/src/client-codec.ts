import {
  AudioDataError,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  errorEvent,
  httpError,
  type InboundEvent,
  type InboundEventOf,
  isBinaryFrame,
  isRecord,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  readJsonFrame,
  TranscriptAccumulator,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { type AudioLeg, createAudioDecoder, createAudioEncoder, describeFormat } from "./audio.js";
import { ELEVENLABS_CLOSE_RULES, ELEVENLABS_HTTP_RULES, vendorError } from "./close-rules.js";
import { readTranscript } from "./transcript.js";
import {
  DIALECT_NAME,
  ELEVENLABS_DEFAULT_AUDIO,
  ElevenlabsClientEvent,
  type ElevenlabsInitiation,
  ElevenlabsServerEvent,
  formatNameOf,
  initiationFrame,
  pongFrame,
  userAudioFrame,
  wireFormatOf,
} from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/** What the factory decided for every connection. */
export interface ElevenlabsCodecOptions {
  /** The opening message's fields (the `agent` mapping with the escape hatch over it). */
  readonly initiation: ElevenlabsInitiation;
  /** Which message `text-send` becomes. */
  readonly textAs: "user_message" | "contextual_update";
}

/**
 * The application's side of one ElevenLabs connection. It opens with
 * `conversation_initiation_client_data` and is not ready until `conversation_initiation_metadata`
 * names the agent's audio formats (converting where they differ from the planned ones). Its state:
 *   - the id of the last `interruption`: agent audio whose `event_id` is older was generated before
 *     the user cut in and is dropped (a `debug` event says so, with the count), never played, as
 *     the official clients do (`VoiceConversation.handleAudio`: only audio with
 *     `lastInterruptTimestamp <= event_id` plays; an event with the interruption's own id is the
 *     new turn and plays);
 *   - the last agent turn heard (the `turnId` of the `playback-clear` that cuts it);
 *   - the pongs owed for pings (`takeReplies`), and the transcript text so far.
 */
export function createElevenlabsCodec(plan: ConnectPlan, options: ElevenlabsCodecOptions): DialectCodec {
  const planned = { input: plan.audio.outbound, output: plan.audio.inbound };
  let decodeAudio = createAudioDecoder({ wire: planned.output, planned: planned.output });
  let encodeAudio = createAudioEncoder({ wire: planned.input, planned: planned.input });
  const transcripts = new TranscriptAccumulator();
  const replies: WireFrame[] = [];
  let ready = false;
  let lastInterruptId: number | undefined;
  let lastAgentTurn: string | undefined;
  let dropped = 0;

  function onMetadata(message: Message, frame: string): InboundEvent[] {
    const event = isRecord(message.conversation_initiation_metadata_event) ? message.conversation_initiation_metadata_event : {};
    const output = event.agent_output_audio_format;
    // The official client assumes pcm_16000 when the input format is absent (WebSocketConnection.ts).
    const input = event.user_input_audio_format ?? ELEVENLABS_DEFAULT_AUDIO;
    const outputFormat = wireFormatOf(output);
    const inputFormat = wireFormatOf(input);
    if (!outputFormat || !inputFormat) {
      const bad = !outputFormat ? `agent_output_audio_format ${JSON.stringify(output)}` : `user_input_audio_format ${JSON.stringify(input)}`;
      const error = new ProtocolError(`the agent's ${bad} is not a format this wire defines (pcm_8000 … pcm_48000, ulaw_8000)`, {
        dialect: DIALECT_NAME,
        fatal: true,
        vendorCode: "unsupported_audio_format",
      });
      return [errorEvent(error, frame)];
    }
    ready = true;
    const events: InboundEvent[] = [started(event, frame)];
    const out: AudioLeg = { wire: outputFormat, planned: planned.output };
    const inn: AudioLeg = { wire: inputFormat, planned: planned.input };
    if (!sameFormat(out)) decodeAudio = createAudioDecoder(out);
    if (!sameFormat(inn)) encodeAudio = createAudioEncoder(inn);
    for (const [leg, what] of [
      [out, "agent audio"],
      [inn, "user audio"],
    ] as const) {
      if (sameFormat(leg)) continue;
      const message = `${what}: the agent uses ${describeFormat(leg.wire)}, the session was planned for ${describeFormat(leg.planned)}; converting (set the audio option to ${formatNameOf(leg.wire)} to avoid it)`;
      events.push({ type: "debug", message, raw: frame });
    }
    return events;
  }

  function onAudio(message: Message, frame: string): InboundEvent[] {
    const event = isRecord(message.audio_event) ? message.audio_event : {};
    const id = Number.isSafeInteger(event.event_id) ? (event.event_id as number) : undefined;
    if (id !== undefined && lastInterruptId !== undefined && id < lastInterruptId) {
      dropped++;
      const text = `dropped agent audio of event ${id}: generated before interruption ${lastInterruptId} (${dropped} chunk${dropped === 1 ? "" : "s"} dropped so far)`;
      return [{ type: "debug", message: text, raw: frame }];
    }
    const audio = decodeAudio(event.audio_base_64, ElevenlabsServerEvent.audio);
    if (audio instanceof AudioDataError) return [errorEvent(audio, frame)];
    const turnId = id === undefined ? undefined : String(id);
    if (turnId !== undefined) lastAgentTurn = turnId;
    return [{ type: "audio-chunk", audio, sampleRate: planned.output.sampleRate, ...(turnId === undefined ? {} : { turnId }), raw: frame }];
  }

  function onInterruption(message: Message, frame: string): InboundEvent[] {
    const event = isRecord(message.interruption_event) ? message.interruption_event : {};
    const clear: InboundEvent = { type: "playback-clear", ...(lastAgentTurn === undefined ? {} : { turnId: lastAgentTurn }), raw: frame };
    if (!Number.isSafeInteger(event.event_id)) {
      const error = new ProtocolError("an interruption without an integer event_id: late audio of the cut turn cannot be told apart", {
        dialect: DIALECT_NAME,
      });
      return [clear, errorEvent(error, frame)];
    }
    lastInterruptId = Math.max(lastInterruptId ?? 0, event.event_id as number);
    lastAgentTurn = undefined;
    return [clear];
  }

  function onPing(message: Message, frame: string): InboundEvent[] {
    const event = isRecord(message.ping_event) ? message.ping_event : {};
    if (!Number.isSafeInteger(event.event_id)) {
      return [errorEvent(new ProtocolError("a ping without an integer event_id cannot be answered", { dialect: DIALECT_NAME }), frame)];
    }
    replies.push(pongFrame(event.event_id as number));
    return [];
  }

  function onToolCall(message: Message, frame: string): InboundEvent[] {
    const call = isRecord(message.client_tool_call) ? message.client_tool_call : undefined;
    if (typeof call?.tool_call_id !== "string" || typeof call.tool_name !== "string") {
      const error = new ProtocolError("a client_tool_call without a string tool_call_id and tool_name cannot be answered", {
        dialect: DIALECT_NAME,
      });
      return [errorEvent(error, frame)];
    }
    return [{ type: "tool-call", callId: call.tool_call_id, name: call.tool_name, arguments: call.parameters ?? {}, raw: frame }];
  }

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case ElevenlabsServerEvent.metadata:
        return onMetadata(message, frame);
      case ElevenlabsServerEvent.audio:
        return onAudio(message, frame);
      case ElevenlabsServerEvent.interruption:
        return onInterruption(message, frame);
      case ElevenlabsServerEvent.ping:
        return onPing(message, frame);
      case ElevenlabsServerEvent.clientToolCall:
        return onToolCall(message, frame);
      case ElevenlabsServerEvent.error:
        return [errorEvent(vendorError(message), frame)];
      default: {
        const reading = readTranscript(type, message);
        if (!reading) return [passthrough(type, message, frame)];
        const event = transcripts.apply(reading, frame) as InboundEventOf<"transcript-delta" | "transcript-end">;
        return [reading.turnId === undefined ? event : { ...event, turnId: reading.turnId }];
      }
    }
  }

  return {
    get ready() {
      return ready;
    },
    open: () => [initiationFrame(options.initiation)],
    takeReplies: () => replies.splice(0),
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          if (event.sampleRate !== planned.input.sampleRate) {
            throw new ProtocolError(`audio-append at ${event.sampleRate} Hz, but the session sends ${planned.input.sampleRate} Hz`, {
              dialect: DIALECT_NAME,
            });
          }
          return [userAudioFrame(encodeAudio(event.audio))];
        case "text-send":
          return [JSON.stringify({ type: options.textAs, text: event.text })];
        case "tool-result":
          return [
            JSON.stringify({
              type: ElevenlabsClientEvent.clientToolResult,
              tool_call_id: event.callId,
              // The wire's `result` is a string (AsyncAPI ClientToolResultPayload).
              result: typeof event.output === "string" ? event.output : (JSON.stringify(event.output) ?? "null"),
              is_error: event.isError === true,
            }),
          ];
        default:
          // No message for the rest: overrides are fixed at the start (no session-update), the
          // service corrects its own transcript after an interruption (no truncation), and the
          // end is the socket's close (the official client sends nothing before it).
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (isBinaryFrame(frame)) {
        const error = new ProtocolError(`ElevenLabs sends JSON text only; a binary frame of ${frame.byteLength} bytes was ignored`, {
          dialect: DIALECT_NAME,
        });
        return [errorEvent(error, frame)];
      }
      return decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, ELEVENLABS_CLOSE_RULES).map((event) =>
        // AsyncAPI WebSocketCloseCode: 1000 is the agent ending the conversation.
        event.type === "session-ended" && code === 1000 ? { ...event, reason: "agent_ended" } : event,
      );
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, ELEVENLABS_HTTP_RULES);
    },
  };
}

const sameFormat = (leg: AudioLeg): boolean => leg.wire.encoding === leg.planned.encoding && leg.wire.sampleRate === leg.planned.sampleRate;

/** `session-started`: the conversation id is the id, the two audio formats metadata. */
function started(event: Readonly<Record<string, unknown>>, raw: string): InboundEvent {
  const ids: Record<string, string> = typeof event.conversation_id === "string" ? { conversation_id: event.conversation_id } : {};
  const metadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) if (key !== "conversation_id" && key !== "__proto__") metadata[key] = value;
  return Object.keys(metadata).length > 0 ? { type: "session-started", ids, metadata, raw } : { type: "session-started", ids, raw };
}
