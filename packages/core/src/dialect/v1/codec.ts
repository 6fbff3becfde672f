import type { VoxwireError } from "../../errors/voxwire-error.js";
import type { ErrorEvent, InboundEvent, PassthroughEvent } from "../../events/inbound.js";
import type { OutboundEvent } from "../../events/outbound.js";
import type { WireFrame } from "../../events/wire-frame.js";

/**
 * The per-connection translator between normalized events and wire frames, on the application's
 * side of the wire. It holds the state a connection needs (a transcript being accumulated, a
 * handshake not yet finished) and nothing else: no sockets, timers, fetch or globals.
 */
export interface DialectCodec {
  /** Turns one outbound event into the frames to send (none when the wire has no such message). */
  encode(event: OutboundEvent): WireFrame[];
  /**
   * Turns one received frame into events. Never throws: malformed JSON, bad base64, odd-length
   * PCM, an oversize frame or an unknown type become `error` or `passthrough` events.
   */
  decode(frame: WireFrame): InboundEvent[];
  /** Maps the socket's close to events; the last one is always `session-ended`. */
  close(code: number, reason: string): InboundEvent[];
  /** Maps an HTTP answer to the WebSocket upgrade (`body` already redacted) to a typed error. */
  upgradeRejected(status: number, body: string): VoxwireError;
  /**
   * Whether the peer accepts outbound events yet. Until it does, the session holds them in its
   * bounded queue (a token-first dialect opens on `connected`). Most dialects are always ready.
   */
  readonly ready: boolean;
}

/** What the vendor side decodes from a client: its commands, or an error/pass-through. */
export type PeerDecoded = OutboundEvent | ErrorEvent | PassthroughEvent;

/**
 * The vendor's side of the same wire: encodes agent events into the frames a vendor sends and
 * decodes a client's frames into commands. Simulators and the conformance suite use it.
 */
export interface PeerCodec {
  /** Turns an agent event into the frames the vendor would send. */
  encode(event: InboundEvent): WireFrame[];
  /** Turns a client's frame into commands. Never throws. */
  decode(frame: WireFrame): PeerDecoded[];
}
