// The Relay dialect's client side (see relay-wire.ts): declares every spec v2 capability, and can
// be broken on purpose (`faults`) so a test sees each new scenario fail.
import {
  type AgentConfig,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  type DialectV2,
  errorEvent,
  httpError,
  type InboundEvent,
  NO_CAPABILITIES,
  type OutboundEvent,
  passthrough,
  readJsonFrame,
  sessionStartedEvent,
  type WireFrame,
} from "@voxwire/core";
import { createRelayPeerCodec } from "./relay-peer.js";
import { decodeAudio, encodeAudio, RELAY, RELAY_KEY_PREFIX, RELAY_PATH, RELAY_RATE, type RelayFault, text } from "./relay-wire.js";

export interface RelayOptions {
  apiKey: string;
  /** `http://127.0.0.1:PORT` (a simulator); mapped to ws:. */
  baseUrl: string;
  /** The keepalive's interval (default 250 ms: quick enough for tests). */
  keepaliveIntervalMs?: number;
  faults?: readonly RelayFault[];
}

export const RELAY_CAPABILITIES = {
  ...NO_CAPABILITIES,
  bargeIn: true,
  transcripts: true,
  toolCalls: true,
  textInput: true,
  truncation: true,
  speechEvents: true,
  turnIds: true,
  sessionConfig: true,
  sessionUpdate: true,
};

const KEEPALIVE = JSON.stringify({ type: "keepalive" });

export function relay(options: RelayOptions): DialectV2 {
  const format = { encoding: "pcm16", sampleRate: RELAY_RATE, frameMs: 20 } as const;
  const subprotocol = `${RELAY_KEY_PREFIX}${options.apiKey}`;
  const plan: ConnectPlan = {
    url: `${options.baseUrl.replace(/^http/, "ws").replace(/\/+$/, "")}${RELAY_PATH}`,
    protocols: [subprotocol],
    audio: { outbound: format, inbound: format },
    secrets: [options.apiKey, subprotocol],
  };
  return {
    specVersion: 2,
    name: RELAY,
    role: "client",
    capabilities: RELAY_CAPABILITIES,
    prepare: () => ({ kind: "plan", plan }),
    createCodec: (_plan, env) => relayCodec(new Set(options.faults), options.keepaliveIntervalMs ?? 250, env.agent),
    createPeerCodec: createRelayPeerCodec,
  };
}

function relayCodec(faults: ReadonlySet<RelayFault>, keepaliveMs: number, agent: AgentConfig | undefined): DialectCodec {
  const send = (message: Record<string, unknown>): WireFrame[] => [JSON.stringify(message)];
  const setup = (config: AgentConfig): AgentConfig => {
    if (!faults.has("setup-without-tools")) return config;
    const { tools: _tools, ...rest } = config;
    return rest;
  };
  return {
    ready: true,
    open: () => (agent ? send({ type: "setup", agent: setup(agent) }) : []),
    keepalive: { intervalMs: keepaliveMs, whileIdleOnly: true, frames: () => [KEEPALIVE] },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append": {
          const audio = send({ type: "audio", audio: encodeAudio(event.audio) });
          return faults.has("keepalive-with-audio") ? [...audio, KEEPALIVE] : audio;
        }
        case "text-send":
          return faults.has("no-text") ? [] : send({ type: "text", text: event.text });
        case "tool-result":
          return faults.has("no-tool-result") ? [] : send({ type: "result", id: event.callId, output: event.output, error: event.isError === true });
        case "playback-heard":
          return send({
            type: "heard",
            turn: event.turnId,
            ms: faults.has("heard-in-samples") ? (event.heardMs * RELAY_RATE) / 1000 : event.heardMs,
          });
        case "session-update":
          return send({ type: "update", agent: event.agent });
        default:
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame !== "string") return [passthrough("binary", { bytes: frame.byteLength }, frame)];
      const read = readJsonFrame(frame, { dialect: RELAY });
      if (!read.ok) return read.events;
      const { type, message } = read.value;
      const turn = text(message.turn);
      const turnId = turn === undefined ? {} : { turnId: turn };
      switch (type) {
        case "ready":
          return [sessionStartedEvent(message, frame)];
        case "audio": {
          const audio = decodeAudio(message.audio);
          return [
            audio instanceof Int16Array ? { type: "audio-chunk", audio, sampleRate: RELAY_RATE, ...turnId, raw: frame } : errorEvent(audio, frame),
          ];
        }
        case "clear":
          return [{ type: "playback-clear", ...turnId, raw: frame }];
        case "transcript": {
          const role = message.role === "user" ? "user" : "agent";
          return [{ type: "transcript-end", role, text: text(message.text) ?? "", ...turnId, raw: frame }];
        }
        case "call": {
          const args = text(message.args) ?? "{}";
          let parsed: unknown = args;
          if (!faults.has("unparsed-arguments")) {
            try {
              parsed = JSON.parse(args);
            } catch {
              return [passthrough(type, message, frame)];
            }
          }
          return [{ type: "tool-call", callId: text(message.id) ?? "", name: text(message.name) ?? "", arguments: parsed, raw: frame }];
        }
        case "cancel":
          return [{ type: "tool-call-cancelled", callIds: Array.isArray(message.ids) ? message.ids.map(String) : [], raw: frame }];
        case "vad":
          return [{ type: message.state === "start" ? "speech-started" : "speech-stopped", raw: frame }];
        default:
          return [passthrough(type, message, frame)];
      }
    },
    close: (code, reason) => closeEvents(code, reason, RELAY),
    upgradeRejected: (status, body) => httpError(status, body, RELAY),
  };
}
