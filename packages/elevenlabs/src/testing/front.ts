import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FrontContext, FrontLink, HandshakeStep, UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import { sendJson } from "@voxwire/conformance";
import { type ConnectPlan, type InboundEvent, isRecord, type PeerCodec, type WireFrame } from "@voxwire/core";
import { createElevenlabsPeerCodec, type ElevenlabsPeerCodec } from "../peer-codec.js";
import {
  DIALECT_NAME,
  ELEVENLABS_API_KEY_HEADER,
  ELEVENLABS_CONVERSATION_PATH,
  ELEVENLABS_DEFAULT_AUDIO,
  ELEVENLABS_SIGNED_URL_PATH,
  ELEVENLABS_SUBPROTOCOL,
  type ElevenlabsAudioFormat,
  ElevenlabsClientEvent,
  ElevenlabsClose,
  ElevenlabsServerEvent,
  isElevenlabsAudioFormat,
  wireFormatOf,
} from "../wire.js";

export interface ElevenlabsFrontOptions {
  /** The agent's user input format (what the metadata announces and the client must send). Default `pcm_16000`. */
  inputFormat?: ElevenlabsAudioFormat;
  /** The agent's output format. Default `pcm_16000`. */
  outputFormat?: ElevenlabsAudioFormat;
  /** A `ping` every this many ms once the conversation is live; 0 (default) sends none. */
  pingIntervalMs?: number;
  /** The agent is private: a socket without a signature from get-signed-url is refused. Default false. */
  requireSignature?: boolean;
  /** The vendor's fault: after an interruption, this many frames of the cut turn's audio still arrive (default 0). */
  staleAudioFrames?: number;
}

/** The close for a client that has not answered a ping by the time the next one is due (voxwire's choice, see below). */
export const ELEVENLABS_PING_TIMEOUT_CLOSE = { code: ElevenlabsClose.operational, reason: "ping_timeout" } as const;

/**
 * ElevenLabs Agents' vendor side, for the simulator engine. The wire follows the AsyncAPI
 * (elevenlabs/packages, packages/types/schemas/agent.asyncapi.yaml) and the official client's
 * order; where the service's behaviour is not published, this front's choices are marked (*).
 *
 * `GET /v1/convai/conversation/get-signed-url?agent_id=…` with `xi-api-key`: 200
 *   `{ signed_url }` pointing at this simulator with a random `conversation_signature`; 401
 *   `{ detail: { status: "invalid_api_key" } }` for a missing or unknown key; 403 for a key
 *   without the scope; 404 (*) for an agent not in `agents`.
 * `GET /v1/convai/conversation?agent_id=…` upgraded, `convai` echoed when offered. No `agent_id`
 *   → HTTP 400 (*); an unknown agent → 404 (*); a `conversation_signature` this front did not
 *   issue, or none with `requireSignature` → 403 (*); at `maxSessions` → 429 (*).
 * Then the client's `conversation_initiation_client_data` must come first (other frames wait);
 *   the front answers `conversation_initiation_metadata` with the formats, then the shared agent:
 *   `audio` (base64 in the output format, `event_id` per turn), `agent_response`,
 *   `user_transcript`, `interruption` on a barge-in, `client_tool_call` for a tool call. With
 *   `conversation.text_only` in the overrides, no audio is sent (the AsyncAPI: text-only mode
 *   disables audio). `user_audio_chunk` is user audio, `user_message` text, `client_tool_result`
 *   the tool's answer.
 * Pings: with `pingIntervalMs`, `ping { event_id, ping_ms }` on that clock; a client that has not
 *   sent `pong { event_id }` for the last one when the next is due is closed with 1002
 *   `ping_timeout` (*: the AsyncAPI lists timeouts under 1002; the service's own limit is not published).
 */
export function elevenlabsFront(options: ElevenlabsFrontOptions = {}): VendorFront {
  const input = formatOption(options.inputFormat, "inputFormat");
  const output = formatOption(options.outputFormat, "outputFormat");
  const pingMs = options.pingIntervalMs ?? 0;
  if (!Number.isFinite(pingMs) || pingMs < 0) throw new Error("elevenlabsFront: pingIntervalMs must be a number ≥ 0");
  const stale = options.staleAudioFrames ?? 0;
  const signatures = new Set<string>();

  function http(req: IncomingMessage, res: ServerResponse, ctx: FrontContext): boolean {
    const url = new URL(req.url ?? "/", "http://simulator");
    if (url.pathname !== ELEVENLABS_SIGNED_URL_PATH) return false;
    req.resume();
    if (req.method !== "GET") {
      res.setHeader("allow", "GET");
      sendJson(res, 405, { detail: "Method Not Allowed" });
      return true;
    }
    const key = req.headers[ELEVENLABS_API_KEY_HEADER];
    const verdict = ctx.checkKey(typeof key === "string" ? key : undefined);
    if (verdict === "refused") return detail(res, 401, "invalid_api_key", "Invalid API key");
    if (verdict === "missing-scope") return detail(res, 403, "missing_permissions", "The API key lacks the convai permission");
    const agentId = url.searchParams.get("agent_id");
    if (!agentId) return detail(res, 422, "missing_agent_id", "agent_id is required");
    if (!ctx.agentKnown(agentId)) return detail(res, 404, "agent_not_found", "No agent with this id");
    const signature = randomBytes(24).toString("base64url");
    signatures.add(signature);
    const socket = `${ctx.wsUrl}${ELEVENLABS_CONVERSATION_PATH}?agent_id=${encodeURIComponent(agentId)}&conversation_signature=${signature}`;
    sendJson(res, 200, { signed_url: socket });
    return true;
  }

  function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
    const url = new URL(req.url ?? "/", "http://simulator");
    if (url.pathname !== ELEVENLABS_CONVERSATION_PATH) return reject(404, "not_found", "no such endpoint");
    const agentId = url.searchParams.get("agent_id");
    if (!agentId) return reject(400, "missing_agent_id", "agent_id is required");
    if (!ctx.agentKnown(agentId)) return reject(404, "agent_not_found", "No agent with this id");
    const signature = url.searchParams.get("conversation_signature");
    if (signature !== null ? !signatures.has(signature) : options.requireSignature === true) {
      return reject(403, "invalid_signature", "this agent needs a signed URL from get-signed-url");
    }
    if (ctx.atCapacity) return reject(429, "concurrency_limit_exceeded", "too many concurrent conversations");

    const plan: ConnectPlan = { url: url.pathname, audio: { outbound: wireFormatOf(input)!, inbound: wireFormatOf(output)! }, secrets: [] };
    const codec = createElevenlabsPeerCodec(plan);
    const state = { textOnly: false, awaitingPong: undefined as number | undefined };
    const offered = (req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim());
    return {
      type: "accept",
      ...(offered.includes(ELEVENLABS_SUBPROTOCOL) ? { protocol: ELEVENLABS_SUBPROTOCOL } : {}),
      connection: {
        codec: vendorBehaviour(codec, state, stale),
        rates: { user: plan.audio.outbound.sampleRate, agent: plan.audio.inbound.sampleRate },
        ids: { conversation_id: `conv_${ctx.sessionId}` },
        details: { agentId, signed: signature !== null, inputFormat: input, outputFormat: output, origin: req.headers.origin ?? null },
        handshake: (frame) => handshake(frame, state),
        ...(pingMs > 0 ? { attach: (link: FrontLink) => pinger(link, codec, state, pingMs) } : {}),
      },
    };
  }

  return { dialect: DIALECT_NAME, http, upgrade, malformedFrames: () => malformedFrames() };
}

/** The initiation must come first; until it does, the client's other frames are not read. */
function handshake(frame: WireFrame, state: { textOnly: boolean }): HandshakeStep {
  if (typeof frame !== "string") return { type: "wait" };
  let message: unknown;
  try {
    message = JSON.parse(frame);
  } catch {
    return { type: "wait" };
  }
  if (!isRecord(message) || message.type !== ElevenlabsClientEvent.initiation) return { type: "wait" };
  const override = isRecord(message.conversation_config_override) ? message.conversation_config_override : {};
  state.textOnly = isRecord(override.conversation) && override.conversation.text_only === true;
  // The overrides reach the agent as its configuration (the session record's `configs`).
  return { type: "start", decode: true };
}

/** Pings on a clock; the previous one unanswered when the next is due closes the conversation. */
function pinger(link: FrontLink, codec: ElevenlabsPeerCodec, state: { awaitingPong: number | undefined }, everyMs: number): void {
  const tick = () => {
    if (state.awaitingPong !== undefined) {
      link.close(ELEVENLABS_PING_TIMEOUT_CLOSE.code, ELEVENLABS_PING_TIMEOUT_CLOSE.reason);
      return;
    }
    const id = codec.nextEventId();
    state.awaitingPong = id;
    link.send([JSON.stringify({ type: ElevenlabsServerEvent.ping, ping_event: { event_id: id, ping_ms: null } })]);
    link.after(everyMs, tick);
  };
  // The session's timers, cleared when it ends; the first ping comes after the initiation.
  link.after(everyMs, tick);
}

/**
 * The service's behaviour around the codec: a `pong` for the awaited ping clears it (other pongs
 * pass through for the record), text-only mode sends no audio, and the stale-audio fault repeats
 * the cut turn's last audio after an interruption.
 */
function vendorBehaviour(codec: PeerCodec, state: { textOnly: boolean; awaitingPong: number | undefined }, stale: number): PeerCodec {
  let lastAudio: WireFrame | undefined;
  return {
    decode(frame) {
      const commands = codec.decode(frame);
      for (const command of commands) {
        if (command.type !== "passthrough" || command.name !== ElevenlabsClientEvent.pong) continue;
        const payload = command.payload as { event_id?: unknown };
        if (payload.event_id === state.awaitingPong) state.awaitingPong = undefined;
      }
      return commands;
    },
    encode(event: InboundEvent): WireFrame[] {
      if (event.type === "audio-chunk") {
        if (state.textOnly) return [];
        const frames = codec.encode(event);
        lastAudio = frames.at(-1);
        return frames;
      }
      if (event.type === "playback-clear") {
        const frames = codec.encode(event);
        const late = lastAudio !== undefined && stale > 0 && !state.textOnly ? Array.from({ length: stale }, () => lastAudio!) : [];
        lastAudio = undefined;
        return [...frames, ...late];
      }
      return codec.encode(event);
    },
  };
}

function formatOption(value: unknown, name: string): ElevenlabsAudioFormat {
  if (value === undefined) return ELEVENLABS_DEFAULT_AUDIO;
  if (!isElevenlabsAudioFormat(value)) throw new Error(`elevenlabsFront: ${name} must be one of pcm_8000 … pcm_48000, ulaw_8000`);
  return value;
}

function detail(res: ServerResponse, status: number, code: string, message: string): true {
  sendJson(res, status, { detail: { status: code, message } });
  return true;
}

function reject(status: number, code: string, message: string): UpgradeDecision {
  return { type: "reject", status, body: { detail: { status: code, message } } };
}

/**
 * What the `malformed` fault sends, JSON text as the wire is: truncated JSON, a non-object, no
 * type, and `audio` with invalid base64 and an odd PCM16 byte count.
 */
function malformedFrames(): WireFrame[] {
  const audio = (payload: string) => JSON.stringify({ type: ElevenlabsServerEvent.audio, audio_event: { audio_base_64: payload, event_id: 1 } });
  return ['{"type":"aud', "[1,2,3]", '{"no_type":true}', audio("@@not base64@@"), audio("AQID")];
}
