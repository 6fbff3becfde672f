import {
  AudioDataError,
  type ConnectPlan,
  DEFAULT_MAX_FRAME_BYTES,
  errorEvent,
  type InboundEvent,
  isBinaryFrame,
  isRecord,
  type PeerCodec,
  type PeerDecoded,
  ProtocolError,
  parsePeerJson,
  passthrough,
  passthroughFrame,
  refusedFrameEvent,
  type WireFrame,
} from "@voxwire/core";
import { createAudioDecoder, createAudioEncoder } from "./audio.js";
import { agentFromInitiation } from "./initiation.js";
import { DIALECT_NAME, ElevenlabsClientEvent, ElevenlabsServerEvent, formatNameOf, USER_AUDIO_KEY } from "./wire.js";

type Fields = Record<string, unknown>;

/** The vendor side's codec, with the event counter its front shares (pings take ids from the same sequence). */
export interface ElevenlabsPeerCodec extends PeerCodec {
  /** The next `event_id` of this conversation. */
  nextEventId(): number;
}

/**
 * The vendor's side of one ElevenLabs connection (simulators, goldens): agent events become the
 * service's messages, a client's messages become commands (`user_audio_chunk` is user audio, the
 * initiation a `session-update` with the overrides as far as they map, `user_message` a
 * `text-send`, `client_tool_result` a `tool-result`; the rest, `pong` included, pass through for
 * the front).
 *
 * Every server message carries an integer `event_id` from one rising sequence: an agent turn's
 * audio and its `agent_response` share the turn's id, an `interruption` takes a new one (so audio
 * of the cut turn is older than it). An event decoded from a frame keeps that frame as `raw`, and
 * its ids are taken from it, so a golden frame comes back as it was; an event without one (the
 * simulator's agent) gets fresh ids, its `turnId`s mapped to numbers.
 */
export function createElevenlabsPeerCodec(plan: ConnectPlan): ElevenlabsPeerCodec {
  const user = plan.audio.outbound; // what the client sends
  const agent = plan.audio.inbound; // what the vendor sends
  const decodeUser = createAudioDecoder({ wire: user, planned: user });
  const encodeAgent = createAudioEncoder({ wire: agent, planned: agent });
  let serial = 0;
  const next = () => ++serial;
  const turns = new Map<string, number>();
  let agentTurn: number | undefined;
  let userTurn: number | undefined;

  /** The agent turn an event belongs to: its `turnId` (numeric as is, else mapped), else the turn in progress. */
  const agentTurnOf = (turnId: string | undefined): number => {
    if (turnId !== undefined) {
      const id = /^\d{1,15}$/.test(turnId) ? Number(turnId) : (turns.get(turnId) ?? turns.set(turnId, next()).get(turnId)!);
      serial = Math.max(serial, id);
      agentTurn = id;
      return id;
    }
    agentTurn ??= next();
    return agentTurn;
  };

  /** `{ type, [key]: { ...the raw frame's fields, ...content } }`, the raw frame's other top-level fields kept. */
  function frame(type: string, key: string, raw: WireFrame | undefined, content: Fields, freshId: () => number): string {
    const before = rawOf(raw, type);
    const inner = isRecord(before?.[key]) ? (before[key] as Fields) : undefined;
    return JSON.stringify({ ...before, type, [key]: { ...inner, ...content, event_id: inner?.event_id ?? freshId() } });
  }

  return {
    nextEventId: next,
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started": {
          const metadata: Fields = {
            conversation_id: event.ids.conversation_id ?? Object.values(event.ids)[0] ?? "",
            agent_output_audio_format: formatNameOf(agent),
            user_input_audio_format: formatNameOf(user),
            ...event.metadata,
          };
          return [JSON.stringify({ type: ElevenlabsServerEvent.metadata, conversation_initiation_metadata_event: metadata })];
        }
        case "audio-chunk": {
          const id = () => agentTurnOf(event.turnId);
          return [frame(ElevenlabsServerEvent.audio, "audio_event", event.raw, { audio_base_64: encodeAgent(event.audio) }, id)];
        }
        case "playback-clear": {
          agentTurn = undefined; // audio still to come of the cut turn keeps the older id
          return [frame(ElevenlabsServerEvent.interruption, "interruption_event", event.raw, {}, next)];
        }
        case "transcript-delta":
          if (event.role === "agent") {
            agentTurnOf(event.turnId); // the turn starts with its text; the wire sends only the final one
            return [];
          }
          return [
            frame(
              ElevenlabsServerEvent.tentativeUserTranscript,
              "tentative_user_transcription_event",
              event.raw,
              { user_transcript: event.text },
              () => (userTurn ??= next()),
            ),
          ];
        case "transcript-end": {
          if (event.role === "user") {
            const out = frame(
              ElevenlabsServerEvent.userTranscript,
              "user_transcription_event",
              event.raw,
              { user_transcript: event.text },
              () => (userTurn ??= next()),
            );
            userTurn = undefined;
            return [out];
          }
          const id = () => agentTurnOf(event.turnId);
          if (rawOf(event.raw, ElevenlabsServerEvent.agentResponseCorrection)) {
            const content = { corrected_agent_response: event.text };
            return [frame(ElevenlabsServerEvent.agentResponseCorrection, "agent_response_correction_event", event.raw, content, id)];
          }
          return [frame(ElevenlabsServerEvent.agentResponse, "agent_response_event", event.raw, { agent_response: event.text }, id)];
        }
        case "agent-state":
          if (event.state !== "speaking") agentTurn = undefined; // the turn is over; the next text or audio is a new one
          return [];
        case "tool-call": {
          const content = { tool_name: event.name, tool_call_id: event.callId, parameters: event.arguments ?? {} };
          return [frame(ElevenlabsServerEvent.clientToolCall, "client_tool_call", event.raw, content, next)];
        }
        case "error": {
          const vendorCode = event.error?.vendorCode;
          const content: Fields = { code: 1008, message: event.message, ...(vendorCode ? { error_type: vendorCode } : {}) };
          const before = rawOf(event.raw, ElevenlabsServerEvent.error);
          const inner = isRecord(before?.error_event) ? before.error_event : {};
          return [JSON.stringify({ ...before, type: ElevenlabsServerEvent.error, error_event: { ...content, ...inner } })];
        }
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          // No message for acceptance, the end (the close is the end), speech start/stop, DTMF or transfers.
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) {
        const error = new ProtocolError(`ElevenLabs takes JSON text only; a binary frame of ${frame.byteLength} bytes was ignored`, {
          dialect: DIALECT_NAME,
        });
        return [errorEvent(error, frame)];
      }
      const message = readMessage(frame);
      if (!isRecord(message)) return [message as PeerDecoded];
      if (typeof message.type !== "string" && USER_AUDIO_KEY in message) {
        const audio = decodeUser(message[USER_AUDIO_KEY], USER_AUDIO_KEY);
        if (audio instanceof AudioDataError) return [errorEvent(audio, frame)];
        return [{ type: "audio-append", audio, sampleRate: user.sampleRate }];
      }
      if (typeof message.type !== "string") {
        return [
          refusedFrameEvent(
            new ProtocolError('JSON message has no string "type" and no user_audio_chunk', { dialect: DIALECT_NAME }),
            frame,
          ) as PeerDecoded,
        ];
      }
      switch (message.type) {
        case ElevenlabsClientEvent.initiation:
          return [{ type: "session-update", agent: agentFromInitiation(message) }];
        case ElevenlabsClientEvent.userMessage:
          if (typeof message.text === "string" && message.text.length > 0) return [{ type: "text-send", text: message.text }];
          break;
        case ElevenlabsClientEvent.clientToolResult:
          if (typeof message.tool_call_id === "string" && message.tool_call_id.length > 0) {
            return [{ type: "tool-result", callId: message.tool_call_id, output: message.result, isError: message.is_error === true }];
          }
          break;
      }
      return [passthrough(message.type, message, frame) as PeerDecoded];
    },
  };
}

/** A text frame as an object, or the error event for one that is not JSON (or too large to read). */
function readMessage(frame: string): Readonly<Record<string, unknown>> | InboundEvent {
  const refuse = (why: string) => refusedFrameEvent(new ProtocolError(why, { dialect: DIALECT_NAME }), frame);
  if (frame.length > DEFAULT_MAX_FRAME_BYTES)
    return refuse(`text frame of ${frame.length} characters exceeds the ${DEFAULT_MAX_FRAME_BYTES}-byte limit`);
  try {
    const parsed: unknown = parsePeerJson(frame);
    return isRecord(parsed) && !Array.isArray(parsed) ? parsed : refuse("text frame is JSON but not an object");
  } catch {
    return refuse(`text frame is not valid JSON (${frame.length} characters)`);
  }
}

/** The fields of `raw` when it is a text frame of message `type`, else undefined. */
function rawOf(raw: WireFrame | undefined, type: string): Fields | undefined {
  if (typeof raw !== "string") return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (!isRecord(parsed) || parsed.type !== type) return undefined;
    const fields: Fields = {};
    for (const [key, value] of Object.entries(parsed)) if (key !== "__proto__") fields[key] = value;
    return fields;
  } catch {
    return undefined;
  }
}
