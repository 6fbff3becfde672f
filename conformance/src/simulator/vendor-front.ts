import type { IncomingMessage, ServerResponse } from "node:http";
import type { InboundEvent, PeerCodec, PeerDecoded, WireFrame } from "@voxwire/core";

/*
 * A vendor front is everything dialect-specific about a simulator: its HTTP routes, how its
 * WebSocket upgrade is authorized and answered, and (through the dialect's PeerCodec) how the
 * agent's normalized events become its frames. The engine does the rest: the scripted agent,
 * pacing, recording, key checking, --max-sessions and the fault switches. One front per file in
 * `fronts/`; see README.md beside this file.
 */

/** How the engine judges a credential (`keys`, `keysWithoutScope`). */
export type KeyVerdict = "ok" | "refused" | "missing-scope";

/** The engine's configuration and state, as a front may consult it. */
export interface FrontContext {
  /** `ok` for a configured key, `missing-scope` for one configured without the session scope, else `refused`. */
  checkKey(key: string | undefined): KeyVerdict;
  /** True when one more session would exceed `maxSessions`: answer with the dialect's concurrency failure. */
  readonly atCapacity: boolean;
  /** False when `allowedOrigins` is set and the request's Origin is present and not in it. */
  originAllowed(origin: string | undefined): boolean;
  /** False when `agents` is set and does not list this id. */
  agentKnown(agentId: string): boolean;
  /** This simulator's base URLs, `http://127.0.0.1:PORT` and `ws://127.0.0.1:PORT`, for URLs a bootstrap returns. */
  readonly httpUrl: string;
  readonly wsUrl: string;
}

export interface UpgradeContext extends FrontContext {
  /** The id the session will have in the simulator's records, if accepted (`sim-1`, …). */
  readonly sessionId: string;
}

export interface VendorFront {
  /** The dialect name (`omni`); also the registry key and the CLI argument. */
  readonly dialect: string;
  /**
   * The dialect's documented HTTP routes besides the WebSocket (token or call-create endpoints).
   * Return false to let the engine answer 404. CORS preflights are answered by the engine.
   */
  http?(req: IncomingMessage, res: ServerResponse, ctx: FrontContext): boolean | Promise<boolean>;
  /** Decides a WebSocket upgrade: refuse it with an HTTP status, or accept it as a connection. */
  upgrade(req: IncomingMessage, ctx: UpgradeContext): UpgradeDecision;
  /** What the `malformed` fault sends for this dialect; default: the engine's generic set. */
  malformedFrames?(): WireFrame[];
}

export type UpgradeDecision =
  /** An HTTP answer instead of the upgrade; `body` is sent as JSON. */
  | { readonly type: "reject"; readonly status: number; readonly body: unknown }
  /** Complete the upgrade; `protocol` is the subprotocol to echo (browsers and `ws` abort without it). */
  | { readonly type: "accept"; readonly protocol?: string; readonly connection: FrontConnection };

/** One accepted connection, as the front set it up. */
export interface FrontConnection {
  /** The vendor side's codec for this connection: agent events to frames, client frames to commands. */
  readonly codec: PeerCodec;
  /** The rate of the audio the client sends (`user`) and the agent sends (`agent`). */
  readonly rates: { readonly user: number; readonly agent: number };
  /** The vendor's ids for `session-started`. */
  readonly ids: Readonly<Record<string, string>>;
  /** Facts for the session record (agent id, declared format, …); never a credential. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** Close at once with this code after the upgrade: an auth failure the dialect reports by close code. */
  readonly refuse?: { readonly code: number; readonly reason: string };
  /**
   * First-message auth: until it answers `start`, every client frame comes here instead of the
   * codec. `refuse` sends `events` (through the codec), then closes with `code`.
   */
  handshake?(frame: WireFrame): HandshakeStep;
  /**
   * Frames the client's last frame is owed at once, beside any agent event (OpenAI's
   * `session.updated` for a mid-session `session.update`). The engine calls it after every
   * decode and sends what it returns; each call empties the list.
   */
  takeReplies?(): readonly WireFrame[];
  /**
   * Called once as the session is set up, before any client frame: what a vendor does on its own
   * (a message sent the moment the socket opens, an idle session closed) goes through `link`.
   */
  attach?(link: FrontLink): void;
}

/**
 * What a front may do on a connection outside the agent's events. Everything `after` schedules
 * is cleared when the session ends; `send` and `close` do nothing once it is closing.
 */
export interface FrontLink {
  /** Sends frames to the client now, in the handshake too (recorded as sent). */
  send(frames: readonly WireFrame[]): void;
  /** Closes from the server side (recorded as the server's close). */
  close(code: number, reason: string): void;
  /** Runs `run` in `ms` unless the session has ended; returns a cancel. */
  after(ms: number, run: () => void): () => void;
}

export type HandshakeStep =
  | { readonly type: "wait" }
  /**
   * The session starts. `decode`: the starting frame then also goes through the connection's
   * codec, like every later one (its replies included). `commands`: what the frame meant for the
   * agent, given by the front itself where decoding it again would mean something else (a second
   * Deepgram `Settings` is an error).
   */
  | { readonly type: "start"; readonly decode?: boolean; readonly commands?: readonly PeerDecoded[] }
  | { readonly type: "refuse"; readonly code: number; readonly reason: string; readonly events?: readonly InboundEvent[] };
