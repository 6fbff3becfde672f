import {
  AudioDataError,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  type DialectEnv,
  errorEvent,
  httpError,
  type InboundEvent,
  isRecord,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  sessionStartedEvent,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { GEMINI_CLOSE_RULES, GEMINI_HTTP_RULES } from "./close-rules.js";
import { readMessage } from "./message.js";
import { type GeminiResumeState, readResumeState } from "./resumption.js";
import { type GeminiSetup, setupFrame } from "./setup.js";
import { GeminiTranscripts, readTranscription } from "./transcript.js";
import {
  DIALECT_NAME,
  decodePcmPayload,
  durationMs,
  field,
  GEMINI_OUTPUT_RATE,
  GeminiServerMessage,
  GeminiVadSignal,
  GeminiVoiceActivity,
  pcmRateOf,
  realtimeAudioFrame,
} from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/** What the factory fixed for every connection. */
export interface GeminiCodecConfig {
  readonly model: string;
  /** Ask for resumption handles and keep the latest. */
  readonly resumption: boolean;
  readonly setup?: GeminiSetup | undefined;
}

/**
 * The application's side of one Gemini Live connection. Its state, each piece because the wire
 * needs it:
 *   - `ready`: the service takes nothing but `setup` until it answers `setupComplete`;
 *   - the turn in progress (whether the agent has spoken since the last `turnComplete`), because
 *     the wire has no "agent started" message and `turnComplete` also ends turns that said nothing;
 *   - the transcript text so far per role (the wire sends pieces);
 *   - each unanswered tool call's name, because `toolResponse` must repeat it;
 *   - the latest resumable handle, for the next connection (`resumeState()`).
 */
export function createGeminiCodec(plan: ConnectPlan, env: DialectEnv, config: GeminiCodecConfig): DialectCodec {
  const outboundRate = plan.audio.outbound.sampleRate;
  const inboundRate = plan.audio.inbound.sampleRate;
  const resumed = config.resumption ? readResumeState(env.resume) : undefined;
  const calls = new Map<string, string>(Object.entries(resumed?.calls ?? {}));
  const transcripts = new GeminiTranscripts();
  let handle = resumed?.handle;
  let ready = false;
  let agentTurn = false;

  /** Model output (audio, text, its transcription) opens the agent's turn and closes the user's. */
  function agentSpeaks(out: InboundEvent[], raw: WireFrame): void {
    out.push(...transcripts.end("user", raw));
    if (agentTurn) return;
    agentTurn = true;
    out.push({ type: "agent-state", state: "speaking", raw });
  }

  /** Appends the content's events; true when some of it maps to none (it then passes through too). */
  function serverContent(content: Message, raw: WireFrame, out: InboundEvent[]): boolean {
    const before = out.length;
    let unmapped = false;
    const input = readTranscription(content.inputTranscription);
    if (input) out.push(transcripts.piece("user", input.text, input.finished, raw));
    if (content.interrupted === true) out.push({ type: "playback-clear", raw });
    const turn = field(content, "modelTurn");
    const parts = turn && Array.isArray(turn.parts) ? turn.parts : [];
    for (const part of parts) {
      if (!isRecord(part)) {
        unmapped = true;
        continue;
      }
      const inline = field(part, "inlineData");
      const rate = inline ? pcmRateOf(inline.mimeType, GEMINI_OUTPUT_RATE) : undefined;
      if (inline && rate !== undefined) {
        agentSpeaks(out, raw);
        out.push(audioChunk(inline.data, rate, raw));
      } else if (typeof part.text === "string" && part.thought !== true) {
        // TEXT responses (a `setup` override) or text beside the audio: the agent's words.
        agentSpeaks(out, raw);
        out.push(transcripts.piece("agent", part.text, false, raw));
      } else unmapped = true; // executableCode, thoughts, other media: kept in the pass-through
    }
    const output = readTranscription(content.outputTranscription);
    if (output) {
      agentSpeaks(out, raw);
      out.push(transcripts.piece("agent", output.text, output.finished, raw));
    }
    if (content.turnComplete === true) {
      out.push(...transcripts.end("user", raw), ...transcripts.end("agent", raw));
      if (agentTurn) out.push({ type: "agent-state", state: "listening", raw });
      agentTurn = false;
    }
    // generationComplete alone, a turnComplete that ended a silent turn, grounding metadata …
    return unmapped || out.length === before;
  }

  function audioChunk(data: unknown, rate: number, raw: WireFrame): InboundEvent {
    const audio = decodePcmPayload(data, "serverContent.modelTurn inlineData");
    if (audio instanceof AudioDataError) return errorEvent(audio, raw);
    if (rate !== inboundRate) {
      const error = new AudioDataError(`agent audio at ${rate} Hz, but the session plays ${inboundRate} Hz; the chunk was dropped`, {
        dialect: DIALECT_NAME,
      });
      return errorEvent(error, raw);
    }
    return { type: "audio-chunk", audio, sampleRate: rate, raw };
  }

  function toolCalls(message: Message, raw: WireFrame, out: InboundEvent[]): void {
    const list = Array.isArray(message.functionCalls) ? message.functionCalls : [];
    for (const call of list) {
      if (!isRecord(call) || typeof call.id !== "string" || typeof call.name !== "string") {
        const error = new ProtocolError("a toolCall function call has no string id and name; it cannot be answered", { dialect: DIALECT_NAME });
        out.push(errorEvent(error, raw));
        continue;
      }
      calls.set(call.id, call.name);
      out.push({ type: "tool-call", callId: call.id, name: call.name, arguments: isRecord(call.args) ? call.args : {}, raw });
    }
  }

  function decodeMessage(message: Message, raw: WireFrame): InboundEvent[] {
    const out: InboundEvent[] = [];
    const unmapped: string[] = [];
    if (Object.keys(message).length === 0) {
      return [errorEvent(new ProtocolError("an empty JSON object is no Live API message", { dialect: DIALECT_NAME }), raw)];
    }
    for (const [key, value] of Object.entries(message)) {
      const body = isRecord(value) ? value : undefined;
      switch (key) {
        case GeminiServerMessage.setupComplete:
          ready = true;
          // The model listens from here on: the wire says nothing more until someone speaks.
          out.push(sessionStartedEvent(body ?? {}, raw), { type: "agent-state", state: "listening", raw });
          break;
        case GeminiServerMessage.serverContent:
          if (body === undefined || serverContent(body, raw, out)) unmapped.push(key);
          break;
        case GeminiServerMessage.toolCall:
          toolCalls(body ?? {}, raw, out);
          break;
        case GeminiServerMessage.toolCallCancellation: {
          const ids = (Array.isArray(body?.ids) ? body.ids : []).filter((id): id is string => typeof id === "string");
          for (const id of ids) calls.delete(id);
          out.push({ type: "tool-call-cancelled", callIds: ids, raw });
          break;
        }
        case GeminiServerMessage.goAway: {
          const inMs = durationMs(body?.timeLeft);
          if (inMs === undefined) unmapped.push(key);
          else out.push({ type: "session-expiring", inMs, raw });
          break;
        }
        case GeminiServerMessage.sessionResumptionUpdate:
          // Not resumable (mid tool call, mid generation): keep the last good handle.
          if (config.resumption && body?.resumable === true && typeof body.newHandle === "string" && body.newHandle.length > 0) {
            handle = body.newHandle;
          }
          unmapped.push(key);
          break;
        case GeminiServerMessage.voiceActivity:
        case GeminiServerMessage.voiceActivityDetectionSignal: {
          const signal = body?.voiceActivityType ?? body?.vadSignalType;
          if (signal === GeminiVoiceActivity.start || signal === GeminiVadSignal.start) out.push({ type: "speech-started", raw });
          else if (signal === GeminiVoiceActivity.end || signal === GeminiVadSignal.end) out.push({ type: "speech-stopped", raw });
          else unmapped.push(key);
          break;
        }
        default:
          // usageMetadata, and anything the reference adds later.
          unmapped.push(key);
      }
    }
    if (unmapped.length === 0) return out;
    // Nothing mapped: the whole message passes through, named by its field. Beside mapped events,
    // what they leave out (usage, a resumption update, code parts) passes through too.
    if (out.length === 0) return [passthrough(unmapped[0]!, unmapped.length === 1 ? message[unmapped[0]!] : message, raw)];
    return [...out, passthrough(unmapped[0]!, message[unmapped[0]!], raw)];
  }

  return {
    get ready() {
      return ready;
    },
    open: () => [setupFrame({ model: config.model, agent: env.agent, resumption: config.resumption, handle, overrides: config.setup })],
    resumeState(): GeminiResumeState | undefined {
      return handle === undefined ? undefined : { handle, calls: Object.fromEntries(calls) };
    },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          if (event.sampleRate !== outboundRate) {
            throw new ProtocolError(`audio-append at ${event.sampleRate} Hz, but the session sends ${outboundRate} Hz`, { dialect: DIALECT_NAME });
          }
          return [realtimeAudioFrame(event.audio)];
        case "text-send":
          // `realtimeInput.text`: typed input in the realtime stream, answered like speech
          // (the recorded session "should reply to realtime text input").
          return [JSON.stringify({ realtimeInput: { text: event.text } })];
        case "tool-result": {
          const name = calls.get(event.callId);
          if (name === undefined) {
            throw new ProtocolError("tool-result for a call id this session was never asked for (or that was cancelled)", {
              dialect: DIALECT_NAME,
            });
          }
          calls.delete(event.callId);
          // FunctionResponse.response: "output" holds the result, "error" a failure (js-genai types.ts).
          const response = event.isError === true ? { error: event.output } : { output: event.output };
          return [JSON.stringify({ toolResponse: { functionResponses: [{ id: event.callId, name, response }] } })];
        }
        default:
          // No truncation (the service assumes real-time playback), no mid-session setup, no stop
          // message (the close is the end), no DTMF, marks or clear on this wire.
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      const read = readMessage(frame);
      if (!read.ok) return read.events;
      return decodeMessage(read.message, frame);
    },
    close: (code: number, reason: string) => closeEvents(code, reason, DIALECT_NAME, GEMINI_CLOSE_RULES),
    upgradeRejected: (status: number, body: string): VoxwireError => httpError(status, body, DIALECT_NAME, GEMINI_HTTP_RULES),
  };
}
