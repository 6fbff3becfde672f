import {
  AudioDataError,
  type ConnectPlan,
  errorEvent,
  type InboundEvent,
  isBinaryFrame,
  isRecord,
  type PeerCodec,
  type PeerDecoded,
  ProtocolError,
  passthrough,
  passthroughFrame,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import { transcriptEventName } from "./transcript.js";
import { DIALECT_NAME, decodeAudioPayload, encodeAudioPayload, OpenaiClientEvent, OpenaiServerEvent, sessionObject } from "./wire.js";

type Fields = Record<string, unknown>;

/**
 * The vendor's side of one OpenAI Realtime connection (simulators, goldens): agent events become
 * GA server events, a client's events become commands (`input_audio_buffer.append` is user audio,
 * the rest, `session.update` included, pass through for the front to act on).
 *
 * A server event carries ids core's events do not (`event_id`, `response_id`, `item_id`, the
 * indexes). An event decoded from a frame keeps that frame as `raw`, and the ids are taken from
 * it, so a golden frame comes back as it was; an event with no frame (the simulator's agent) gets
 * fresh ids: one response and one item per agent turn, one item per user turn.
 */
export function createOpenaiPeerCodec(plan: ConnectPlan): PeerCodec {
  const outbound = plan.audio.outbound; // what the client sends: the user's audio
  const inbound = plan.audio.inbound; // what the peer sends: the agent's audio
  let serial = 0;
  const next = (prefix: string) => `${prefix}_voxwire${(++serial).toString().padStart(6, "0")}`;
  let agentItem: { response_id: string; item_id: string } | undefined;
  let userItem: string | undefined;
  let heardSamples = 0;

  const agentTurn = () => (agentItem ??= { response_id: next("resp"), item_id: next("item") });
  const userTurn = () => (userItem ??= next("item"));
  const agentIds = (): Fields => ({ event_id: next("event"), ...agentTurn(), output_index: 0, content_index: 0 });
  const userIds = (): Fields => ({ event_id: next("event"), item_id: userTurn(), content_index: 0 });

  function frame(type: string, raw: WireFrame | undefined, content: Fields, fresh: () => Fields): string {
    return JSON.stringify({ type, ...(envelopeOf(raw, type, Object.keys(content)) ?? fresh()), ...content });
  }

  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started": {
          const metadata: Fields = { ...event.metadata };
          const session: Fields = isRecord(metadata.session) ? { ...metadata.session } : { ...sessionObject(audioOf(inbound.encoding)) };
          if (event.ids.session_id !== undefined) session.id = event.ids.session_id;
          return [JSON.stringify({ type: OpenaiServerEvent.sessionCreated, event_id: metadata.event_id ?? next("event"), ...metadata, session })];
        }
        case "audio-chunk":
          return [frame(OpenaiServerEvent.outputAudioDelta, event.raw, { delta: encodeAudioPayload(event.audio, inbound.encoding) }, agentIds)];
        case "playback-clear": {
          agentItem = undefined; // the interrupted turn is over; the next audio is a new response
          // When speech began is the VAD's fact, not the event's: kept from the frame, else the audio heard so far.
          const fresh = () => ({
            event_id: next("event"),
            audio_start_ms: Math.round((heardSamples * 1000) / outbound.sampleRate),
            item_id: userTurn(),
          });
          return [frame(OpenaiServerEvent.speechStarted, event.raw, {}, fresh)];
        }
        case "transcript-delta": {
          const ids = event.role === "agent" ? agentIds : userIds;
          return [frame(transcriptEventName(event.role, false), event.raw, { delta: event.delta }, ids)];
        }
        case "transcript-end": {
          const ids = event.role === "agent" ? agentIds : userIds;
          const out = frame(transcriptEventName(event.role, true), event.raw, { transcript: event.text }, ids);
          if (event.role === "agent") agentItem = undefined;
          else userItem = undefined;
          return [out];
        }
        case "error": {
          const vendorCode = (event as { vendorCode?: string }).vendorCode ?? event.error?.vendorCode;
          const before = envelopeOf(event.raw, OpenaiServerEvent.error, []);
          const said: Fields = isRecord(before?.error) ? before.error : {};
          const error = {
            ...said,
            type: said.type ?? "invalid_request_error",
            code: vendorCode ?? said.code ?? null,
            message: said.message ?? event.message,
          };
          return [JSON.stringify({ type: OpenaiServerEvent.error, event_id: before?.event_id ?? next("event"), ...before, error })];
        }
        case "passthrough":
          return [passthroughFrame(event)];
        default:
          // No GA server event for acceptance, agent state, DTMF or the end: the close is the end.
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (isBinaryFrame(frame)) {
        const error = new ProtocolError(`OpenAI Realtime takes JSON text only; a binary frame of ${frame.byteLength} bytes was ignored`, {
          dialect: DIALECT_NAME,
        });
        return [errorEvent(error, frame)];
      }
      const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
      if (!read.ok) return read.events.filter((e) => e.type === "error");
      const { type, message } = read.value;
      if (type === OpenaiClientEvent.inputAudioAppend) {
        const audio = decodeAudioPayload(message.audio, outbound.encoding, type);
        if (audio instanceof AudioDataError) return [errorEvent(audio, frame)];
        heardSamples += audio.length;
        return [{ type: "audio-append", audio, sampleRate: outbound.sampleRate }];
      }
      return [passthrough(type, message, frame) as PeerDecoded];
    },
  };
}

/** The option name of a wire encoding. */
function audioOf(encoding: string) {
  return { audio: encoding === "mulaw" ? "pcmu" : encoding === "alaw" ? "pcma" : "pcm16" } as const;
}

/**
 * The fields of `raw` (a text frame of this event type) but its type and the content fields the
 * event restates; undefined when there is no such frame.
 */
function envelopeOf(raw: WireFrame | undefined, type: string, content: readonly string[]): Fields | undefined {
  if (typeof raw !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.type !== type) return undefined;
  const fields: Fields = {};
  for (const [key, value] of Object.entries(parsed)) if (key !== "type" && key !== "__proto__" && !content.includes(key)) fields[key] = value;
  return fields;
}
