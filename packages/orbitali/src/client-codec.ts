import {
  AudioDataError,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  errorEvent,
  httpError,
  type InboundEvent,
  isBinaryFrame,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  quotePeer,
  readJsonFrame,
  redact,
  sessionStartedEvent,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { ORBITALI_CLOSE_RULES, ORBITALI_HTTP_RULES } from "./close-rules.js";
import { readTranscript } from "./transcript.js";
import { DIALECT_NAME, decodeAudioPayload, encodeAudioPayload, OrbitaliClientMessage, OrbitaliServerMessage } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/**
 * The application's side of one Orbitali connection. Stateless: every message stands alone
 * (transcripts come as whole turns), and the plan fixes the formats `output_audio` is checked against.
 */
export function createOrbitaliCodec(plan: ConnectPlan): DialectCodec {
  const inbound = plan.audio.inbound;
  const outboundRate = plan.audio.outbound.sampleRate;

  function outputAudio(message: Message, raw: string): InboundEvent {
    // A chunk that claims another format than the session declared would play as noise: report it instead.
    const { encoding, sampleRate } = message;
    if (encoding !== undefined && encoding !== inbound.encoding) {
      return errorEvent(
        new AudioDataError(
          `output_audio in encoding ${quotePeer(redact(JSON.stringify(encoding), plan.secrets), { max: 32, lead: "", end: "" })}, but the session declared ${inbound.encoding}; chunk dropped`,
          {
            dialect: DIALECT_NAME,
          },
        ),
        raw,
      );
    }
    if (sampleRate !== undefined && sampleRate !== inbound.sampleRate) {
      return errorEvent(
        new AudioDataError(
          `output_audio at ${quotePeer(redact(JSON.stringify(sampleRate), plan.secrets), { max: 16, lead: "", end: "" })} Hz, but the session declared ${inbound.sampleRate} Hz; chunk dropped`,
          {
            dialect: DIALECT_NAME,
          },
        ),
        raw,
      );
    }
    const audio = decodeAudioPayload(message.audio, "output_audio");
    if (audio instanceof AudioDataError) return errorEvent(audio, raw);
    return { type: "audio-chunk", audio, sampleRate: inbound.sampleRate, raw };
  }

  function decodeText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    switch (type) {
      case OrbitaliServerMessage.outputAudio:
        return [outputAudio(message, frame)];
      case OrbitaliServerMessage.clear:
        return [{ type: "playback-clear", raw: frame }];
      case OrbitaliServerMessage.sessionStarted:
        return [sessionStartedEvent(message, frame)];
      case OrbitaliServerMessage.transcript: {
        const turn = readTranscript(message);
        // A role or text the model cannot hold (a "system" turn, say) is kept whole, not guessed at.
        return [turn ? { type: "transcript-end", role: turn.role, text: turn.text, raw: frame } : passthrough(type, message, frame)];
      }
      default:
        return [passthrough(type, message, frame)];
    }
  }

  return {
    ready: true,
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          if (event.sampleRate !== outboundRate) {
            throw new ProtocolError(`audio-append at ${event.sampleRate} Hz, but the session sends ${outboundRate} Hz`, { dialect: DIALECT_NAME });
          }
          return [JSON.stringify({ type: OrbitaliClientMessage.inputAudio, audio: encodeAudioPayload(event.audio) })];
        case "session-stop":
          return [JSON.stringify({ type: OrbitaliClientMessage.stop })];
        default:
          // Orbitali has no message for playback-clear, mark or DTMF (capabilities say so).
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (isBinaryFrame(frame)) {
        const error = new ProtocolError(`Orbitali sends JSON text only; a binary frame of ${frame.byteLength} bytes was ignored`, {
          dialect: DIALECT_NAME,
        });
        return [errorEvent(error, frame)];
      }
      return decodeText(frame);
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, ORBITALI_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME, ORBITALI_HTTP_RULES);
    },
  };
}
