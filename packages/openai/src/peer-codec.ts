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
import { agentFromSession, type OpenaiCompat, openingSession } from "./session-config.js";
import { readItemCreate } from "./tool-call.js";
import { transcriptEventName } from "./transcript.js";
import {
  betaEventName,
  DIALECT_NAME,
  decodeAudioPayload,
  encodeAudioPayload,
  type OpenaiAudio,
  OpenaiClientEvent,
  OpenaiServerEvent,
} from "./wire.js";

type Fields = Record<string, unknown>;

/**
 * The vendor's side of one OpenAI Realtime connection (simulators, goldens): agent events become
 * GA server events (the beta names with `compat: "azure"`), a client's events become commands:
 * `input_audio_buffer.append` user audio, `session.update` a `session-update`, a
 * `function_call_output` item a `tool-result`, a user `input_text` item a `text-send`,
 * `conversation.item.truncate` a `playback-heard`; the rest (`response.create` …) pass through.
 *
 * A server event carries ids core's events do not (`event_id`, `response_id`, the indexes). An
 * event decoded from a frame keeps that frame as `raw`, and the ids are taken from it, so a golden
 * frame comes back as it was; an event with no frame (the simulator's agent) gets fresh ids: one
 * response and one item per agent turn (its `turnId` is the item id when it has one), one item
 * per user turn.
 */
export function createOpenaiPeerCodec(plan: ConnectPlan, compat: OpenaiCompat = "ga"): PeerCodec {
  const outbound = plan.audio.outbound; // what the client sends: the user's audio
  const inbound = plan.audio.inbound; // what the peer sends: the agent's audio
  const name = compat === "azure" ? betaEventName : (ga: string) => ga;
  let serial = 0;
  const next = (prefix: string) => `${prefix}_voxwire${(++serial).toString().padStart(6, "0")}`;
  let agentItem: { response_id: string; item_id: string } | undefined;
  let userItem: string | undefined;
  let heardSamples = 0;
  /** A `speech_started` went out and its utterance has not ended: a barge-in adds no second one. */
  let speaking = false;

  const agentTurn = (turnId?: string) => {
    if (turnId !== undefined && agentItem?.item_id !== turnId) agentItem = { response_id: next("resp"), item_id: turnId };
    agentItem ??= { response_id: next("resp"), item_id: next("item") };
    return agentItem;
  };
  const userTurn = (turnId?: string) => (userItem = turnId ?? userItem ?? next("item"));
  const agentIds = (turnId?: string) => (): Fields => ({ event_id: next("event"), ...agentTurn(turnId), output_index: 0, content_index: 0 });
  const userIds = (turnId?: string) => (): Fields => ({ event_id: next("event"), item_id: userTurn(turnId), content_index: 0 });
  const heardMs = () => Math.round((heardSamples * 1000) / outbound.sampleRate);

  function frame(type: string, raw: WireFrame | undefined, content: Fields, fresh: () => Fields): string {
    return JSON.stringify({ type: name(type), ...(envelopeOf(raw, name(type), Object.keys(content)) ?? fresh()), ...content });
  }

  /** `input_audio_buffer.speech_started`: when speech began is the VAD's fact, kept from the frame, else the audio heard so far. */
  function speechStarted(raw: WireFrame | undefined): string[] {
    speaking = true;
    return [frame(OpenaiServerEvent.speechStarted, raw, {}, () => ({ event_id: next("event"), audio_start_ms: heardMs(), item_id: userTurn() }))];
  }

  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started": {
          const metadata: Fields = { ...event.metadata };
          const session: Fields = isRecord(metadata.session)
            ? { ...metadata.session }
            : openingSession({ audio: audioOf(inbound.encoding), compat }, undefined);
          if (event.ids.session_id !== undefined) session.id = event.ids.session_id;
          return [JSON.stringify({ type: OpenaiServerEvent.sessionCreated, event_id: metadata.event_id ?? next("event"), ...metadata, session })];
        }
        case "audio-chunk": {
          const delta = encodeAudioPayload(event.audio, inbound.encoding);
          return [frame(OpenaiServerEvent.outputAudioDelta, event.raw, { delta }, agentIds(event.turnId))];
        }
        case "speech-started":
          return speaking ? [] : speechStarted(event.raw);
        case "playback-clear":
          agentItem = undefined; // the interrupted turn is over; the next audio is a new response
          // The service's barge-in cue is speech_started itself: one already sent covers it.
          return speaking ? [] : speechStarted(event.raw);
        case "speech-stopped": {
          speaking = false;
          const fresh = () => ({ event_id: next("event"), audio_end_ms: heardMs(), item_id: userTurn() });
          return [frame(OpenaiServerEvent.speechStopped, event.raw, {}, fresh)];
        }
        case "transcript-delta": {
          const ids = event.role === "agent" ? agentIds(event.turnId) : userIds(event.turnId);
          return [frame(transcriptEventName(event.role, false), event.raw, { delta: event.delta }, ids)];
        }
        case "transcript-end": {
          const ids = event.role === "agent" ? agentIds(event.turnId) : userIds(event.turnId);
          const out = frame(transcriptEventName(event.role, true), event.raw, { transcript: event.text }, ids);
          if (event.role === "agent") agentItem = undefined;
          else {
            userItem = undefined;
            speaking = false; // the utterance is over, whether or not a speech-stopped said so
          }
          return [out];
        }
        case "tool-call": {
          const args = typeof event.arguments === "string" ? event.arguments : JSON.stringify(event.arguments ?? {});
          const fresh = () => ({ event_id: next("event"), response_id: next("resp"), item_id: next("item"), output_index: 0 });
          return [frame(OpenaiServerEvent.functionCallArgumentsDone, event.raw, { call_id: event.callId, name: event.name, arguments: args }, fresh)];
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
          // No server event for acceptance, agent state, DTMF, a cancelled call or the end (the
          // close is the end); the 60-minute limit comes with no warning.
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
      switch (type) {
        case OpenaiClientEvent.inputAudioAppend: {
          const audio = decodeAudioPayload(message.audio, outbound.encoding, type);
          if (audio instanceof AudioDataError) return [errorEvent(audio, frame)];
          heardSamples += audio.length;
          return [{ type: "audio-append", audio, sampleRate: outbound.sampleRate }];
        }
        case OpenaiClientEvent.sessionUpdate:
          if (isRecord(message.session)) return [{ type: "session-update", agent: agentFromSession(message.session) }];
          break;
        case OpenaiClientEvent.itemCreate: {
          const item = readItemCreate(message);
          if (item?.kind === "text") return [{ type: "text-send", text: item.text }];
          if (item?.kind === "tool-result") {
            return [{ type: "tool-result", callId: item.callId, output: item.output, ...(item.isError ? { isError: true } : {}) }];
          }
          break;
        }
        case OpenaiClientEvent.itemTruncate: {
          const { item_id: turnId, audio_end_ms: heard } = message;
          if (typeof turnId === "string" && turnId !== "" && typeof heard === "number" && Number.isFinite(heard) && heard >= 0) {
            return [{ type: "playback-heard", turnId, heardMs: heard }];
          }
          const error = new ProtocolError("conversation.item.truncate needs an item_id and a non-negative audio_end_ms", { dialect: DIALECT_NAME });
          return [errorEvent(error, frame)];
        }
      }
      return [passthrough(type, message, frame) as PeerDecoded];
    },
  };
}

/** The option name of a wire encoding. */
function audioOf(encoding: string): OpenaiAudio {
  return encoding === "mulaw" ? "pcmu" : encoding === "alaw" ? "pcma" : "pcm16";
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
