import type { VoxwireError } from "../../errors/voxwire-error.js";
import type { ErrorEvent, InboundEvent, PassthroughEvent } from "../../events/inbound.js";
import type { OutboundEvent } from "../../events/outbound.js";
import type { WireFrame } from "../../events/wire-frame.js";

/**
 * A frame the dialect wants sent on a schedule to keep the connection alive (Deepgram's
 * `KeepAlive`). The session's timers run it and clear it with the session.
 */
export interface KeepaliveV2 {
  /** How often, in ms. */
  readonly intervalMs: number;
  /** Send only while no audio is going out (audio keeps the connection alive by itself). */
  readonly whileIdleOnly: boolean;
  /** The frames to send now. */
  frames(): WireFrame[];
}

/**
 * The per-connection translator between normalized events and wire frames, on the application's
 * side of the wire. It holds the state a connection needs (a transcript being accumulated, a
 * handshake not yet finished) and nothing else: no sockets, timers, fetch or globals. What it
 * needs done on the wire besides answering `encode` (opening frames, replies, keepalives) it
 * describes as data, and the session runtime does it.
 */
export interface DialectCodecV2 {
  /**
   * Frames to send the moment the socket opens, after the plan's `firstFrames` and before any
   * queued event (Gemini `setup`, Deepgram `Settings`, OpenAI `session.update` from the `agent`
   * option). Absent: nothing to open with.
   */
  open?(): WireFrame[];
  /** Turns one outbound event into the frames to send (none when the wire has no such message). */
  encode(event: OutboundEvent): WireFrame[];
  /**
   * Turns one received frame into events. Never throws: malformed JSON, bad base64, odd-length
   * PCM, an oversize frame or an unknown type become `error` or `passthrough` events.
   */
  decode(frame: WireFrame): InboundEvent[];
  /**
   * Frames the last `decode` calls owe the peer at once (ElevenLabs `ping` → `pong` with its
   * `event_id`), which the application never sees. The runtime calls it after every decode and
   * sends what it returns ahead of queued events, ready or not; each call empties the list.
   */
  takeReplies?(): WireFrame[];
  /** A keepalive the session runs while the connection is open (absent: none). */
  readonly keepalive?: KeepaliveV2;
  /**
   * What the next connection needs to continue this conversation (Gemini's latest resumption
   * handle), or undefined when there is nothing to resume with. Only dialects with the
   * `resumption` capability have it; the runtime hands the value back in `DialectEnvV2.resume`.
   */
  resumeState?(): unknown;
  /** Maps the socket's close to events; the last one is always `session-ended`. */
  close(code: number, reason: string): InboundEvent[];
  /** Maps an HTTP answer to the WebSocket upgrade (`body` already redacted) to a typed error. */
  upgradeRejected(status: number, body: string): VoxwireError;
  /**
   * Whether the peer accepts outbound events yet. Until it does, the session holds them in its
   * bounded queue and `connect()` waits (a token-first dialect opens on `connected`, Gemini on
   * `setupComplete`). Most dialects are ready at once.
   */
  readonly ready: boolean;
}

/** What the vendor side decodes from a client: its commands, or an error/pass-through. */
export type PeerDecodedV2 = OutboundEvent | ErrorEvent | PassthroughEvent;

/**
 * The vendor's side of the same wire: encodes agent events into the frames a vendor sends and
 * decodes a client's frames into commands. Simulators and the conformance suite use it.
 */
export interface PeerCodecV2 {
  /** Turns an agent event into the frames the vendor would send. */
  encode(event: InboundEvent): WireFrame[];
  /** Turns a client's frame into commands. Never throws. */
  decode(frame: WireFrame): PeerDecodedV2[];
}
