// A small dialect used only by the core tests: binary PCM16 audio, JSON control messages,
// a key in a subprotocol, an optional bootstrap call and an optional "wait for hello" gate.
import {
  type AgentConfig,
  type AudioDataError,
  type ConnectPlan,
  closeEvents,
  type Dialect,
  type DialectCodec,
  errorEvent,
  httpError,
  type InboundEvent,
  NO_CAPABILITIES,
  type OutboundEvent,
  type PeerCodec,
  type PeerDecoded,
  passthrough,
  pcm16FromBytes,
  pcm16ToBytes,
  readJsonFrame,
  VendorError,
  type WireFrame,
} from "../src/index.js";

export interface ToyOptions {
  url: string;
  key: string;
  rate?: number;
  /** Get the plan from `POST {bootstrapUrl}` answering `{ url, token, expiresIn }`. */
  bootstrapUrl?: string;
  /** Nothing goes out until the peer says hello. */
  gated?: boolean;
  /** A `{"type":"keepalive"}` this often (spec v2 keepalive), only while idle if `idleOnly`. */
  keepaliveMs?: number;
  idleOnly?: boolean;
  /** The connection's limit (ConnectPlan.maxSessionMs). */
  maxSessionMs?: number;
  /** How long the vendor may be quiet (ConnectPlan.inactivityMs). */
  inactivityMs?: number;
  /** The peer hands out resumption handles (`handle`) and warns before it ends a connection (`goaway`). */
  resumable?: boolean;
}

const NAME = "toy";

export function toy(options: ToyOptions): Dialect {
  const rate = options.rate ?? 16000;
  const planFor = (url: string, token: string, expiresAt?: number): ConnectPlan => ({
    url,
    protocols: ["toy.v1", `toy-key.${token}`],
    audio: { outbound: { encoding: "pcm16", sampleRate: rate, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: rate } },
    secrets: [token, `toy-key.${token}`],
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(options.maxSessionMs === undefined ? {} : { maxSessionMs: options.maxSessionMs }),
    ...(options.inactivityMs === undefined ? {} : { inactivityMs: options.inactivityMs }),
  });
  return {
    specVersion: 2,
    name: NAME,
    role: "client",
    capabilities: {
      ...NO_CAPABILITIES,
      bargeIn: true,
      transcripts: true,
      dtmfOut: true,
      marks: true,
      bootstrap: !!options.bootstrapUrl,
      toolCalls: true,
      textInput: true,
      truncation: true,
      sessionConfig: true,
      sessionUpdate: true,
      resumption: options.resumable === true,
    },
    prepare(env) {
      if (!options.bootstrapUrl) return { kind: "plan", plan: planFor(options.url, options.key) };
      return {
        kind: "bootstrap",
        request: {
          method: "POST",
          url: options.bootstrapUrl,
          headers: { authorization: `Bearer ${options.key}` },
          secrets: [options.key],
        },
        parse(response) {
          const body = JSON.parse(response.body) as { url: string; token: string; expiresIn: number };
          return planFor(body.url, body.token, env.now + body.expiresIn * 1000);
        },
      };
    },
    createCodec: (_plan, env) => toyCodec(options, rate, env.agent, env.resume),
    createPeerCodec: () => toyPeerCodec(rate),
  };
}

function toyCodec(options: ToyOptions, rate: number, agent: AgentConfig | undefined, resume: unknown): DialectCodec {
  let ready = !options.gated;
  // Learned from `hello`, like Twilio's streamSid: frames built before it would lack it.
  let sessionId: string | undefined;
  const replies: WireFrame[] = [];
  let handle: string | undefined;
  return {
    get ready() {
      return ready;
    },
    open: () =>
      agent || resume !== undefined
        ? [JSON.stringify({ type: "setup", ...(agent ? { agent } : {}), ...(resume !== undefined ? { resume } : {}) })]
        : [],
    ...(options.resumable ? { resumeState: () => handle } : {}),
    takeReplies: () => replies.splice(0),
    ...(options.keepaliveMs === undefined
      ? {}
      : {
          keepalive: {
            intervalMs: options.keepaliveMs,
            whileIdleOnly: options.idleOnly ?? false,
            frames: () => [JSON.stringify({ type: "keepalive" })],
          },
        }),
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          return [pcm16ToBytes(event.audio)];
        case "dtmf-send":
          return [JSON.stringify({ type: "dtmf", digit: event.digit, ...(sessionId ? { session: sessionId } : {}) })];
        case "mark":
          return [JSON.stringify({ type: "mark", name: event.name })];
        case "session-stop":
          return [JSON.stringify({ type: "stop" })];
        case "text-send":
          return [JSON.stringify({ type: "text", text: event.text })];
        case "tool-result":
          return [JSON.stringify({ type: "result", id: event.callId, output: event.output, error: event.isError === true })];
        case "playback-heard":
          return [JSON.stringify({ type: "heard", turn: event.turnId, ms: event.heardMs })];
        case "session-update":
          return [JSON.stringify({ type: "update", agent: event.agent })];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame !== "string") {
        try {
          return [{ type: "audio-chunk", audio: pcm16FromBytes(frame), sampleRate: rate, raw: frame }];
        } catch (error) {
          return [errorEvent(error as AudioDataError, frame)];
        }
      }
      const read = readJsonFrame(frame, { dialect: NAME });
      if (!read.ok) return read.events;
      const { type, message } = read.value;
      switch (type) {
        case "hello":
          ready = true;
          if (typeof message.id === "string") sessionId = message.id;
          return [{ type: "session-accepted", raw: frame }];
        case "started":
          return [{ type: "session-started", ids: { sessionId: String(message.id ?? "") }, raw: frame }];
        case "clear":
          return [{ type: "playback-clear", raw: frame }];
        case "handle":
          if (typeof message.id === "string") handle = message.id;
          return [];
        case "goaway":
          return [{ type: "session-expiring", inMs: Number(message.ms ?? 0), raw: frame }];
        case "ping":
          replies.push(JSON.stringify({ type: "pong", id: message.id }));
          return [];
        case "call":
          return [{ type: "tool-call", callId: String(message.id), name: String(message.name), arguments: message.args, raw: frame }];
        case "cancel":
          return [{ type: "tool-call-cancelled", callIds: Array.isArray(message.ids) ? message.ids.map(String) : [], raw: frame }];
        case "transcript":
          return [{ type: "transcript-end", role: message.role === "user" ? "user" : "agent", text: String(message.text ?? ""), raw: frame }];
        case "fail":
          return [
            errorEvent(
              new VendorError(String(message.message ?? ""), {
                dialect: NAME,
                ...(typeof message.code === "string" ? { vendorCode: message.code } : {}),
              }),
              frame,
            ),
          ];
        case "bye":
          return [{ type: "session-ended", reason: String(message.reason ?? "bye"), raw: frame }];
        default:
          return [passthrough(type, message, frame)];
      }
    },
    close: (code, reason) => closeEvents(code, reason, NAME),
    upgradeRejected: (status, body) => httpError(status, body, NAME),
  };
}

function toyPeerCodec(rate: number): PeerCodec {
  return {
    encode(event: InboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-chunk":
          return [pcm16ToBytes(event.audio)];
        case "session-accepted":
          return [JSON.stringify({ type: "hello" })];
        case "playback-clear":
          return [JSON.stringify({ type: "clear" })];
        default:
          return [];
      }
    },
    decode(frame: WireFrame): PeerDecoded[] {
      if (typeof frame !== "string") {
        try {
          return [{ type: "audio-append", audio: pcm16FromBytes(frame), sampleRate: rate }];
        } catch (error) {
          return [errorEvent(error as AudioDataError, frame)];
        }
      }
      const read = readJsonFrame(frame, { dialect: NAME });
      if (!read.ok) return read.events as PeerDecoded[];
      const { type, message } = read.value;
      if (type === "dtmf") return [{ type: "dtmf-send", digit: String(message.digit) }];
      if (type === "mark") return [{ type: "mark", name: String(message.name) }];
      if (type === "stop") return [{ type: "session-stop" }];
      return [{ type: "passthrough", name: type, payload: message, raw: frame }];
    },
  };
}
