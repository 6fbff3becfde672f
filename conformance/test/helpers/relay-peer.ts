// The Relay dialect's vendor side (see relay-wire.ts): its peer codec and its simulator front.
import type { IncomingMessage } from "node:http";
import {
  type AgentConfig,
  type ConnectPlan,
  errorEvent,
  type InboundEvent,
  type PeerCodec,
  type PeerDecoded,
  passthrough,
  readJsonFrame,
  type WireFrame,
} from "@voxwire/core";
import type { UpgradeContext, UpgradeDecision, VendorFront } from "../../src/simulator/vendor-front.js";
import { decodeAudio, encodeAudio, RELAY, RELAY_BAD_KEY_CLOSE, RELAY_KEY_PREFIX, RELAY_PATH, RELAY_RATE, text } from "./relay-wire.js";

export function createRelayPeerCodec(_plan: ConnectPlan): PeerCodec {
  const send = (message: Record<string, unknown>): WireFrame[] => [JSON.stringify(message)];
  return {
    encode(event: InboundEvent): WireFrame[] {
      const turn = "turnId" in event && event.turnId !== undefined ? { turn: event.turnId } : {};
      switch (event.type) {
        case "session-started":
          return send({ type: "ready", ...event.ids });
        case "audio-chunk":
          return send({ type: "audio", audio: encodeAudio(event.audio), ...turn });
        case "playback-clear":
          return send({ type: "clear", ...turn });
        case "transcript-end":
          return send({ type: "transcript", role: event.role, text: event.text, ...turn });
        case "tool-call":
          return send({ type: "call", id: event.callId, name: event.name, args: JSON.stringify(event.arguments) });
        case "tool-call-cancelled":
          return send({ type: "cancel", ids: event.callIds });
        case "speech-started":
          return send({ type: "vad", state: "start" });
        case "speech-stopped":
          return send({ type: "vad", state: "stop" });
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (typeof frame !== "string") return [passthrough("binary", { bytes: frame.byteLength }, frame) as PeerDecoded];
      const read = readJsonFrame(frame, { dialect: RELAY });
      if (!read.ok) return read.events.filter((e) => e.type === "error");
      const { type, message } = read.value;
      switch (type) {
        case "audio": {
          const audio = decodeAudio(message.audio);
          return [audio instanceof Int16Array ? { type: "audio-append", audio, sampleRate: RELAY_RATE } : errorEvent(audio, frame)];
        }
        case "setup":
        case "update":
          return [{ type: "session-update", agent: (message.agent ?? {}) as AgentConfig }];
        case "text":
          return [{ type: "text-send", text: text(message.text) ?? "" }];
        case "result":
          return [
            { type: "tool-result", callId: text(message.id) ?? "", output: message.output, ...(message.error === true ? { isError: true } : {}) },
          ];
        case "heard":
          return [{ type: "playback-heard", turnId: text(message.turn) ?? "", heardMs: typeof message.ms === "number" ? message.ms : 0 }];
        default:
          return [passthrough(type, message, frame) as PeerDecoded];
      }
    },
  };
}

export function relayFront(): VendorFront {
  return { dialect: RELAY, upgrade };
}

function upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision {
  const url = new URL(req.url ?? "/", "http://simulator");
  if (url.pathname !== RELAY_PATH) return { type: "reject", status: 404, body: { error: "not_found" } };
  const protocol = String(req.headers["sec-websocket-protocol"] ?? "")
    .split(",")
    .map((p) => p.trim())
    .find((p) => p.startsWith(RELAY_KEY_PREFIX));
  const ok = ctx.checkKey(protocol?.slice(RELAY_KEY_PREFIX.length)) === "ok";
  const format = { encoding: "pcm16", sampleRate: RELAY_RATE } as const;
  return {
    type: "accept",
    ...(protocol ? { protocol } : {}),
    connection: {
      codec: createRelayPeerCodec({ url: url.pathname, audio: { outbound: format, inbound: format }, secrets: [] }),
      rates: { user: RELAY_RATE, agent: RELAY_RATE },
      ids: { session_id: ctx.sessionId },
      ...(ok ? {} : { refuse: { code: RELAY_BAD_KEY_CLOSE, reason: "invalid_key" } }),
    },
  };
}
