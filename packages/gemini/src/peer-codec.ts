import {
  AudioDataError,
  base64Encode,
  type ConnectPlan,
  errorEvent,
  type InboundEvent,
  isRecord,
  type PeerCodec,
  type PeerDecoded,
  ProtocolError,
  passthrough,
  pcm16ToBytes,
  type TranscriptRole,
  type WireFrame,
} from "@voxwire/core";
import { readMessage } from "./message.js";
import { agentFromSetup } from "./setup.js";
import { DIALECT_NAME, decodePcmPayload, durationText, field, GeminiClientMessage, GeminiVoiceActivity, pcmRateOf } from "./wire.js";

type Message = Readonly<Record<string, unknown>>;

/** The `mimeType` the service gives agent audio: no rate (the recorded sessions); 24 kHz by the guide. */
export const GEMINI_OUTPUT_MIME = "audio/pcm";

/**
 * The vendor's side of one Gemini Live connection (the simulator, goldens): agent events become
 * server messages, a client's messages become commands (`setup` a `session-update` with the
 * AgentConfig it states, `realtimeInput` audio and text, `toolResponse` results).
 *
 * Its state: whether an agent turn is open (so `turnComplete` is sent for turns that happened,
 * not for the agent's first `listening`), and the transcript text sent so far per role: the wire
 * has no "transcript ended" message, so an end whose text was all sent is implied (by the model's
 * answer for the user, by `turnComplete` for the agent) and only a remainder goes out, `finished`.
 */
export function createGeminiPeerCodec(plan: ConnectPlan): PeerCodec {
  const userRate = plan.audio.outbound.sampleRate;
  const sent: Record<TranscriptRole, string> = { user: "", agent: "" };
  let turn = false;

  const content = (body: Record<string, unknown>) => JSON.stringify({ serverContent: body });
  const transcription = (role: TranscriptRole, text: string, finished: boolean) =>
    content({ [role === "user" ? "inputTranscription" : "outputTranscription"]: finished ? { text, finished } : { text } });

  function transcriptEnd(role: TranscriptRole, text: string): WireFrame[] {
    const before = sent[role];
    sent[role] = "";
    if (text === before) return [];
    return [transcription(role, text.startsWith(before) ? text.slice(before.length) : text, true)];
  }

  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "session-started":
          return [JSON.stringify({ setupComplete: { ...event.metadata, ...event.ids } })];
        case "agent-state":
          if (event.state === "speaking") {
            // A new turn while one is open (the agent talks over itself): the service would have
            // completed the first one, and the client's transcript must not run the two together.
            const open = turn;
            turn = true;
            return open ? [content({ turnComplete: true })] : [];
          }
          if (event.state !== "listening" || !turn) return [];
          turn = false;
          return [withUsage(event.raw, content({ turnComplete: true }))];
        case "audio-chunk":
          turn = true;
          return [
            `{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"mimeType":"${GEMINI_OUTPUT_MIME}","data":"${base64Encode(pcm16ToBytes(event.audio))}"}}]}}}`,
          ];
        case "playback-clear":
          return [content({ interrupted: true })];
        case "transcript-delta":
          if (event.role === "agent") turn = true;
          sent[event.role] = event.text;
          return [transcription(event.role, event.delta, false)];
        case "transcript-end":
          return transcriptEnd(event.role, event.text);
        case "tool-call":
          return [JSON.stringify({ toolCall: { functionCalls: [{ id: event.callId, name: event.name, args: event.arguments ?? {} }] } })];
        case "tool-call-cancelled":
          return [JSON.stringify({ toolCallCancellation: { ids: event.callIds } })];
        case "speech-started":
          return [JSON.stringify({ voiceActivity: { voiceActivityType: GeminiVoiceActivity.start } })];
        case "speech-stopped":
          return [JSON.stringify({ voiceActivity: { voiceActivityType: GeminiVoiceActivity.end } })];
        case "session-expiring":
          return [JSON.stringify({ goAway: { timeLeft: durationText(event.inMs) } })];
        case "passthrough":
          return [event.raw !== undefined ? event.raw : JSON.stringify({ [event.name]: event.payload })];
        default:
          // No acceptance, end, error, DTMF, mark or transfer message: the service reports
          // failures by closing the socket, and the close is the end.
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      const read = readMessage(frame);
      if (!read.ok) return read.events.filter((e) => e.type === "error") as PeerDecoded[];
      const out: PeerDecoded[] = [];
      for (const [key, value] of Object.entries(read.message)) {
        const body = isRecord(value) ? value : undefined;
        if (key === GeminiClientMessage.setup && body) out.push({ type: "session-update", agent: agentFromSetup(body) });
        else if (key === GeminiClientMessage.realtimeInput && body) out.push(...realtimeInput(body, frame, userRate));
        else if (key === GeminiClientMessage.toolResponse && body) out.push(...toolResponse(body, frame));
        else out.push(passthrough(key, value, frame) as PeerDecoded);
      }
      return out.length > 0 ? out : [passthrough("", read.message, frame) as PeerDecoded];
    },
  };
}

/** The frame a `listening` came from when it is this `turnComplete` plus usage metadata: usage rides along. */
function withUsage(raw: WireFrame | undefined, built: string): string {
  if (typeof raw !== "string" || !raw.includes("usageMetadata")) return built;
  try {
    const { usageMetadata, ...rest } = JSON.parse(raw) as Record<string, unknown>;
    return usageMetadata !== undefined && JSON.stringify(rest) === built ? raw : built;
  } catch {
    return built;
  }
}

/** `realtimeInput`: audio (and legacy `mediaChunks`) as user audio, `text` as typed input, activity signals passed through. */
function realtimeInput(body: Message, frame: WireFrame, userRate: number): PeerDecoded[] {
  const out: PeerDecoded[] = [];
  const blobs = [field(body, "audio"), ...(Array.isArray(body.mediaChunks) ? body.mediaChunks : [])].filter((b) => b !== undefined);
  for (const blob of blobs) {
    const rate = isRecord(blob) ? pcmRateOf(blob.mimeType, Number.NaN) : undefined;
    if (rate !== userRate) {
      const error = new AudioDataError(`realtimeInput audio must be audio/pcm;rate=${userRate}`, { dialect: DIALECT_NAME });
      out.push(errorEvent(error, frame) as PeerDecoded);
      continue;
    }
    const audio = decodePcmPayload((blob as Message).data, "realtimeInput audio");
    out.push(audio instanceof AudioDataError ? (errorEvent(audio, frame) as PeerDecoded) : { type: "audio-append", audio, sampleRate: userRate });
  }
  if (typeof body.text === "string" && body.text.length > 0) out.push({ type: "text-send", text: body.text });
  const rest = Object.keys(body).filter((key) => key !== "audio" && key !== "mediaChunks" && key !== "text");
  if (rest.length > 0) out.push(passthrough(GeminiClientMessage.realtimeInput, body, frame) as PeerDecoded);
  return out;
}

/** `toolResponse.functionResponses`: one `tool-result` each; `response.error` marks a failure, `response.output` holds the result. */
function toolResponse(body: Message, frame: WireFrame): PeerDecoded[] {
  const list = Array.isArray(body.functionResponses) ? body.functionResponses : [body.functionResponses];
  return list.map((item): PeerDecoded => {
    if (!isRecord(item) || typeof item.id !== "string" || item.id.length === 0) {
      return errorEvent(new ProtocolError("a function response has no id", { dialect: DIALECT_NAME }), frame) as PeerDecoded;
    }
    const response = isRecord(item.response) ? item.response : {};
    if ("error" in response && !("output" in response)) return { type: "tool-result", callId: item.id, output: response.error, isError: true };
    return { type: "tool-result", callId: item.id, output: "output" in response ? response.output : response };
  });
}
