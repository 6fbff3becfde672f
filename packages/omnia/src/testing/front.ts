import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FrontContext, UpgradeContext, UpgradeDecision, VendorFront } from "@voxwire/conformance";
import { sendJson } from "@voxwire/conformance";
import type { ConnectPlan, InboundEvent, PeerCodec, WireFrame } from "@voxwire/core";
import { createOmniaPeerCodec } from "../peer-codec.js";
import { type CallCreatePreset, MAX_SAMPLE_RATE, MIN_SAMPLE_RATE, OMNIA_PRESET } from "../wire.js";

/** An agent id the simulator accepts when no `agents` list is configured (any non-empty id is). */
export const OMNIA_SAMPLE_AGENT = "omnia-sample-agent";

export interface OmniaFrontOptions {
  /** The status a created call is answered with: 201 (default) or 200; the adapter accepts both. */
  createStatus?: 200 | 201;
  /** Narrate the call in `debug` messages (call start, state changes, barge-ins), as a vendor does when asked. */
  debug?: boolean;
  /**
   * The vendor's REST leg to serve (default Omnia's). With `ULTRAVOX_PRESET`: `POST /api/agents/{agentId}/calls`,
   * body `{ medium: { serverWebSocket: { inputSampleRate, outputSampleRate?, clientBufferSizeMs? } } }`,
   * answered `{ callId, joinUrl }`; the socket is the same.
   */
  preset?: CallCreatePreset;
}

/** Create-call bodies above this are refused (413) unread. */
const MAX_BODY_BYTES = 64 * 1024;
/** Created calls not yet joined, and joined ones remembered for a 410; the oldest are forgotten first. */
const MAX_REMEMBERED_CALLS = 1000;
const SOCKET_PATH = /^\/api\/v1\/calls\/([0-9a-f-]{36})\/websocket$/;

interface CreatedCall {
  readonly token: string;
  readonly agentId: string;
  readonly inputSampleRate: number;
  readonly outputSampleRate: number;
}

/**
 * Omnia Voice's vendor side (the Omnia Voice guide, docs/sources.md). `POST /api/v1/calls/create` checks, in order: the
 * `X-API-Key` (401 with a JSON body; 403 for a key without the session scope), the origin (403),
 * the JSON body (400: not JSON, `agentId` missing, `connectionType` not `"websocket"`, a rate not
 * an integer 8000…48000), the agent (404 when not a known one), capacity (429); then answers
 * `{ websocketUrl }` (201, or 200 when asked). The URL is single-use:
 * `/api/v1/calls/<callId>/websocket?inputSampleRate=…&outputSampleRate=…&token=…`; joining it a
 * second time is 410, an unknown call 404, a wrong token 401, rates that differ from the created
 * ones 400. The socket runs the shared agent with the user's audio at the input rate and the
 * agent's at the output rate, which may differ. With `ULTRAVOX_PRESET` it speaks Ultravox's data
 * messages too: the agent's tool calls go out as `client_tool_invocation`, the client's
 * `client_tool_result`, `user_text_message` and `hang_up` come back, and transcripts carry
 * `medium` and `ordinal`.
 */
export function omniaFront(options: OmniaFrontOptions = {}): VendorFront {
  const createStatus = options.createStatus ?? 201;
  const preset = options.preset ?? OMNIA_PRESET;
  const createPath = pathPattern(preset.createPath);
  const created = new Map<string, CreatedCall>();
  const joined = new Set<string>();

  async function http(req: IncomingMessage, res: ServerResponse, ctx: FrontContext): Promise<boolean> {
    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    const pathMatch = createPath.exec(path);
    if (!pathMatch) return false;
    if (req.method !== "POST") {
      res.setHeader("allow", "POST, OPTIONS");
      sendJson(res, 405, { error: "method_not_allowed", message: "use POST" });
      return true;
    }
    const key = req.headers["x-api-key"];
    const verdict = ctx.checkKey(typeof key === "string" ? key : undefined);
    if (verdict === "refused") return reply(res, 401, "unauthorized", "invalid or missing X-API-Key");
    if (verdict === "missing-scope") return reply(res, 403, "forbidden", "this API key may not create calls");
    if (!ctx.originAllowed(req.headers.origin)) return reply(res, 403, "origin_not_allowed", "this origin may not create calls");
    const text = await readBody(req);
    if (text === undefined) return reply(res, 413, "body_too_large", `the body exceeds ${MAX_BODY_BYTES} bytes`);
    const body = parseObject(text);
    if (!body) return reply(res, 400, "invalid_json", "the body must be a JSON object");
    const request = preset.bodyShape === "omnia" ? readOmniaBody(body) : readUltravoxBody(body, decodeURIComponent(pathMatch[1] ?? ""));
    if ("error" in request) return reply(res, 400, request.error, request.message);
    if (!ctx.agentKnown(request.agentId)) return reply(res, 404, "agent_not_found", "no such agent");
    if (ctx.atCapacity) return reply(res, 429, "concurrency_limit_exceeded", "too many live calls");

    const callId = randomUUID();
    const call: CreatedCall = { ...request, token: randomBytes(18).toString("base64url") };
    remember(created, callId, call);
    const query = new URLSearchParams({
      inputSampleRate: String(call.inputSampleRate),
      outputSampleRate: String(call.outputSampleRate),
      token: call.token,
    });
    const socketUrl = `${ctx.wsUrl}/api/v1/calls/${callId}/websocket?${query}`;
    sendJson(res, createStatus, preset.bodyShape === "omnia" ? { [preset.urlField]: socketUrl } : { callId, [preset.urlField]: socketUrl });
    return true;
  }

  function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
    const url = new URL(req.url ?? "/", "http://simulator");
    const callId = SOCKET_PATH.exec(url.pathname)?.[1];
    if (!callId) return reject(404, "not_found", "no such path");
    const call = created.get(callId);
    if (!call)
      return joined.has(callId)
        ? reject(410, "call_already_joined", "this call's socket URL was already used")
        : reject(404, "call_not_found", "no such call");
    if (url.searchParams.get("token") !== call.token) return reject(401, "invalid_call_token", "the socket URL's token is wrong");
    if (
      Number(url.searchParams.get("inputSampleRate")) !== call.inputSampleRate ||
      Number(url.searchParams.get("outputSampleRate")) !== call.outputSampleRate
    ) {
      return reject(400, "rate_mismatch", "the socket URL's rates differ from the created call's");
    }
    if (ctx.atCapacity) return reject(429, "concurrency_limit_exceeded", "too many live calls");
    created.delete(callId);
    remember(joined, callId);

    const plan: ConnectPlan = {
      url: url.pathname,
      audio: {
        outbound: { encoding: "pcm16", sampleRate: call.inputSampleRate },
        inbound: { encoding: "pcm16", sampleRate: call.outputSampleRate },
      },
      secrets: [],
    };
    const codec = createOmniaPeerCodec(plan, preset.name, {
      ...(preset.capabilities ? { capabilities: preset.capabilities } : {}),
      ordinals: preset.bodyShape === "ultravox",
    });
    return {
      type: "accept",
      connection: {
        codec: options.debug ? narrated(codec) : codec,
        rates: { user: call.inputSampleRate, agent: call.outputSampleRate },
        ids: { callId },
        details: { agentId: call.agentId, inputSampleRate: call.inputSampleRate, outputSampleRate: call.outputSampleRate, createStatus },
      },
    };
  }

  return { dialect: preset.name, http, upgrade };
}

/**
 * The engine's agent has no debug output of its own, so debug mode lives here: after the frames
 * of a call start, a state change or a barge-in, a `debug` message saying what happened.
 */
function narrated(codec: PeerCodec): PeerCodec {
  const note = (event: InboundEvent): string | undefined => {
    if (event.type === "session-started") return `call started (${Object.values(event.ids).join(", ")})`;
    if (event.type === "agent-state") return `state: ${event.state}`;
    if (event.type === "playback-clear") return "barge-in: the user spoke over the agent; playback cleared";
    return undefined;
  };
  return {
    decode: (frame: WireFrame) => codec.decode(frame),
    encode(event: InboundEvent): WireFrame[] {
      const frames = codec.encode(event);
      const message = note(event);
      return message === undefined ? frames : [...frames, ...codec.encode({ type: "debug", message })];
    },
  };
}

type CallRequest = Omit<CreatedCall, "token"> | { error: string; message: string };

/** The Omnia Voice guide's body: `{ agentId, connectionType: "websocket", websocket: { inputSampleRate, outputSampleRate } }`. */
function readOmniaBody(body: Record<string, unknown>): CallRequest {
  const { agentId, connectionType, websocket } = body;
  if (typeof agentId !== "string" || agentId.trim() === "") return { error: "invalid_agent_id", message: "agentId must be a non-empty string" };
  if (connectionType !== "websocket") return { error: "unsupported_connection_type", message: 'connectionType must be "websocket"' };
  const rates = (websocket ?? {}) as Record<string, unknown>;
  for (const field of ["inputSampleRate", "outputSampleRate"] as const) {
    if (!isRate(rates[field])) return badRate(`websocket.${field}`);
  }
  return { agentId, inputSampleRate: rates.inputSampleRate as number, outputSampleRate: rates.outputSampleRate as number };
}

/** Ultravox's: `{ medium: { serverWebSocket: { inputSampleRate, outputSampleRate = input, clientBufferSizeMs? } } }`, agent from the path. */
function readUltravoxBody(body: Record<string, unknown>, agentId: string): CallRequest {
  const medium = (body.medium ?? {}) as Record<string, unknown>;
  const socket = medium.serverWebSocket as Record<string, unknown> | undefined;
  if (!socket || typeof socket !== "object") return { error: "invalid_medium", message: "medium.serverWebSocket is required" };
  const { inputSampleRate, outputSampleRate = inputSampleRate, clientBufferSizeMs } = socket;
  if (!isRate(inputSampleRate)) return badRate("medium.serverWebSocket.inputSampleRate");
  if (!isRate(outputSampleRate)) return badRate("medium.serverWebSocket.outputSampleRate");
  if (clientBufferSizeMs !== undefined && !(Number.isInteger(clientBufferSizeMs) && (clientBufferSizeMs as number) > 0)) {
    return { error: "invalid_client_buffer", message: "clientBufferSizeMs must be a positive integer" };
  }
  return { agentId, inputSampleRate, outputSampleRate };
}

function badRate(field: string): CallRequest {
  return { error: "invalid_sample_rate", message: `${field} must be an integer from ${MIN_SAMPLE_RATE} to ${MAX_SAMPLE_RATE}` };
}

/** The create path as a pattern; `{agentId}` captures one path segment. */
function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace("\\{agentId\\}", "([^/]+)");
  return new RegExp(`^${escaped}$`);
}

function isRate(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= MIN_SAMPLE_RATE && value <= MAX_SAMPLE_RATE;
}

function reply(res: ServerResponse, status: number, error: string, message: string): true {
  sendJson(res, status, { error, message });
  return true;
}

function reject(status: number, error: string, message: string): UpgradeDecision {
  return { type: "reject", status, body: { error, message } };
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The request body as text, or undefined once it passes the limit (the rest is not read). */
async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Adds to a bounded Map or Set, forgetting the oldest entry past the limit. */
function remember<V>(store: Map<string, V> | Set<string>, key: string, value?: V): void {
  if (store instanceof Map) store.set(key, value as V);
  else store.add(key);
  if (store.size > MAX_REMEMBERED_CALLS) {
    const oldest = store.keys().next().value;
    if (oldest !== undefined) store.delete(oldest);
  }
}
