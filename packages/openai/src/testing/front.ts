import type { IncomingMessage } from "node:http";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import { type ConnectPlan, errorEvent, type InboundEvent, isRecord, type PeerCodec, VendorError, type WireFrame } from "@voxwire/core";
import { createOpenaiPeerCodec } from "../peer-codec.js";
import { mergeSession, openingSession } from "../session-config.js";
import {
  DIALECT_NAME,
  isOpenaiAudio,
  OPENAI_AUDIO,
  OPENAI_KEY_SUBPROTOCOL_PREFIX,
  OPENAI_PATH,
  OPENAI_REALTIME_SUBPROTOCOL,
  type OpenaiAudio,
  OpenaiClientEvent,
  OpenaiServerEvent,
} from "../wire.js";
import { toolCallFrames } from "./tool-call-frames.js";

export interface OpenaiFrontOptions {
  /** The audio format the simulated session runs at (both ways). Default `pcm16` (24 kHz). */
  audio?: OpenaiAudio;
}

/** The close code and reason for a `session.update` whose audio format is not the simulator's. */
export const OPENAI_FRONT_FORMAT_CLOSE = { code: 1008, reason: "unsupported_audio_format" } as const;

/**
 * OpenAI Realtime's vendor side, for the simulator engine:
 *
 * `GET /v1/realtime?model=…` upgraded with `Authorization: Bearer <key>` (servers) or the
 *   subprotocols `realtime` + `openai-insecure-api-key.<key>` (browsers; `realtime` is echoed).
 *   Another path → HTTP 404; no `model` → HTTP 400. A missing or unknown key → HTTP 401 at the
 *   upgrade with `{ error: { type: "invalid_request_error", code: "invalid_api_key", … } }`:
 *   the REST API's documented answer to a bad key, applied to the upgrade request (the Realtime
 *   reference documents no close code for it; voxwire's choice, packages/openai/README.md).
 *   At `maxSessions` → HTTP 429 `rate_limit_exceeded`.
 *
 * Then JSON text only. The real service sends `session.created` at once; this front waits for the
 *   client's first `session.update` (voxwire's client sends it as soon as the socket opens), then
 *   sends `session.created` followed by `session.updated` with the effective configuration, so
 *   both orders a client may rely on hold. Every later `session.update` is answered with
 *   `session.updated` holding the configuration with the update merged in (the real service's
 *   rule: only the fields present change). A `session.update` whose audio format is not the
 *   front's gets an `error` (`invalid_value`), then close 1008. Agent audio is
 *   `response.output_audio.delta` (the item id is the agent's turn), transcripts the GA transcript
 *   events, the user's speech `input_audio_buffer.speech_started` / `.speech_stopped` (the first
 *   is the barge-in cue). A tool call is one response: `response.created`, the `function_call`
 *   item added, `response.function_call_arguments.done`, the item done, `response.done`. The
 *   client's `input_audio_buffer.append` is user audio, its `function_call_output` item the tool
 *   result, a user `input_text` item typed text, and `conversation.item.truncate` what was heard,
 *   answered with `conversation.item.truncated`.
 */
export function openaiFront(options: OpenaiFrontOptions = {}): VendorFront {
  const audio = options.audio ?? "pcm16";
  if (!isOpenaiAudio(audio)) throw new Error('openaiFront: audio must be "pcm16", "pcmu" or "pcma"');
  return { dialect: DIALECT_NAME, upgrade: (req, ctx) => upgrade(req, ctx, audio), malformedFrames: () => malformedFrames(audio) };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext, audio: OpenaiAudio): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== OPENAI_PATH) return reject(404, "invalid_request_error", "not_found", "no such endpoint");
  const model = url.searchParams.get("model");
  if (!model) return reject(400, "invalid_request_error", "missing_model", "the model query parameter is required");
  const offered = offeredProtocols(req);
  const fromProtocol = offered.find((p) => p.startsWith(OPENAI_KEY_SUBPROTOCOL_PREFIX))?.slice(OPENAI_KEY_SUBPROTOCOL_PREFIX.length);
  const fromHeader = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
  const verdict = ctx.checkKey(fromHeader ?? fromProtocol);
  if (verdict === "refused") return reject(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided.");
  if (verdict === "missing-scope") return reject(403, "invalid_request_error", "insufficient_permissions", "the key may not use the Realtime API");
  if (ctx.atCapacity) return reject(429, "rate_limit_error", "rate_limit_exceeded", "too many live sessions");

  const { format, wire } = OPENAI_AUDIO[audio];
  const plan: ConnectPlan = { url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] };
  const session: Record<string, unknown> = { ...openingSession({ audio, compat: "ga" }, undefined), object: "realtime.session", model };
  let effective: Record<string, unknown> | undefined;
  const replies: WireFrame[] = [];
  let serial = 0;
  let opening = true;

  return {
    type: "accept",
    ...(offered.includes(OPENAI_REALTIME_SUBPROTOCOL) ? { protocol: OPENAI_REALTIME_SUBPROTOCOL } : {}),
    connection: {
      codec: vendorSide(createOpenaiPeerCodec(plan), session, {
        effective: () => effective,
        update(frame, id) {
          const update = readSessionUpdate(frame);
          // The opening update was applied (and answered) by the handshake; it is decoded only for the record.
          if (opening) {
            opening = false;
            return;
          }
          if (update === undefined || effective === undefined) return;
          effective = mergeSession(effective, update);
          replies.push(JSON.stringify({ type: OpenaiServerEvent.sessionUpdated, event_id: `event_${id}_updated_${++serial}`, session: effective }));
        },
        truncated(itemId, audioEndMs) {
          const event = {
            type: "conversation.item.truncated",
            event_id: `event_truncated_${++serial}`,
            item_id: itemId,
            content_index: 0,
            audio_end_ms: audioEndMs,
          };
          replies.push(JSON.stringify(event));
        },
      }),
      takeReplies: () => replies.splice(0),
      rates: { user: format.sampleRate, agent: format.sampleRate },
      ids: { session_id: `sess_${ctx.sessionId}` },
      details: { model, audio: wire, auth: fromHeader !== undefined ? "header" : "subprotocol", origin: req.headers.origin ?? null },
      handshake(frame: WireFrame) {
        const update = readSessionUpdate(frame);
        if (update === undefined) return { type: "wait" };
        if (!formatsMatch(update, wire)) {
          const error = errorEvent(
            new VendorError("the simulator runs another audio format", { dialect: DIALECT_NAME, vendorCode: "invalid_value" }),
          );
          return { type: "refuse", ...OPENAI_FRONT_FORMAT_CLOSE, events: [error] };
        }
        effective = { ...mergeSession(session, update), id: `sess_${ctx.sessionId}` };
        return { type: "start", decode: true };
      },
    },
  };
}

interface SessionHooks {
  /** The configuration the opening `session.update` left, for the first `session.updated`. */
  effective(): Record<string, unknown> | undefined;
  /** A later `session.update` frame: merge it and owe the client a `session.updated`. */
  update(frame: WireFrame, sessionId: string): void;
  /** A truncation: owe the client `conversation.item.truncated`. */
  truncated(itemId: string, audioEndMs: number): void;
}

/**
 * The peer codec with what the real service sends besides: `session.created` with the session's
 * defaults, then `session.updated` with what the client asked for; a tool call as a whole
 * response; acknowledgements of later updates and of truncations.
 */
function vendorSide(codec: PeerCodec, session: Record<string, unknown>, hooks: SessionHooks): PeerCodec {
  let sessionId = "";
  return {
    decode(frame) {
      const commands = codec.decode(frame);
      for (const command of commands) {
        if (command.type === "session-update") hooks.update(frame, sessionId);
        else if (command.type === "playback-heard") hooks.truncated(command.turnId, command.heardMs);
      }
      return commands;
    },
    encode(event: InboundEvent): WireFrame[] {
      if (event.type === "tool-call") return toolCallFrames(codec.encode(event));
      if (event.type !== "session-started") return codec.encode(event);
      const id = event.ids.session_id ?? "";
      sessionId = id;
      const created = codec.encode({ ...event, metadata: { ...event.metadata, session: { ...session, id } } });
      const updated = hooks.effective();
      if (updated === undefined) return created;
      return [...created, JSON.stringify({ type: OpenaiServerEvent.sessionUpdated, event_id: `event_${id}_updated`, session: { ...updated, id } })];
    },
  };
}

/** The `session` object of a `session.update` frame, else undefined. */
function readSessionUpdate(frame: WireFrame): Record<string, unknown> | undefined {
  if (typeof frame !== "string") return undefined;
  try {
    const message: unknown = JSON.parse(frame);
    if (!isRecord(message) || message.type !== OpenaiClientEvent.sessionUpdate) return undefined;
    return isRecord(message.session) ? message.session : {};
  } catch {
    return undefined;
  }
}

/** True when every format the update names is the front's (an update that names none keeps it). */
function formatsMatch(update: Record<string, unknown>, wire: Readonly<Record<string, unknown>>): boolean {
  const audio = isRecord(update.audio) ? update.audio : {};
  return ["input", "output"].every((side) => {
    const format = isRecord(audio[side]) ? (audio[side] as Record<string, unknown>).format : undefined;
    if (format === undefined) return true;
    return isRecord(format) && format.type === wire.type && (format.rate === undefined || format.rate === wire.rate);
  });
}

function reject(status: number, type: string, code: string, message: string): UpgradeDecision {
  return { type: "reject", status, body: { error: { type, code, message, param: null } } };
}

/** The subprotocols the client offered, in order. */
function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * What the `malformed` fault sends, JSON text only as the wire is: truncated JSON, a non-object,
 * no type, and `response.output_audio.delta` with invalid base64 and (PCM16) an odd byte count.
 */
function malformedFrames(audio: OpenaiAudio): WireFrame[] {
  const delta = (payload: string) =>
    JSON.stringify({ type: OpenaiServerEvent.outputAudioDelta, event_id: "event_bad", item_id: "item_bad", delta: payload });
  return ['{"type":"response.output_au', "[1,2,3]", '{"no_type":true}', delta("@@not base64@@"), ...(audio === "pcm16" ? [delta("AQID")] : [])];
}
