import type { Dialect } from "@voxwire/core";
import type { ClientTarget } from "../client-target.js";
import type { FrontOptionSpec, FrontOptions } from "../simulator/front-options.js";
import type { VendorFront } from "../simulator/vendor-front.js";
import type { AuthRefusal } from "./auth-refusal.js";
import type { CarrierCall, CarrierCallOptions } from "./carrier-call.js";

/**
 * A client dialect as the shared suite, the scenario runner and the CLI need it: how to build its
 * client for a target, its simulator's front (for runs without `--url`), and how it documents a
 * refused key. Each dialect package exports one from its `./testing` entry.
 */
export interface ConformanceSubject {
  readonly name: string;
  /** One line for `voxwire --help`. */
  readonly summary?: string;
  client(target: ClientTarget): Dialect;
  /**
   * The client dialing a socket URL as it is, with no bootstrap call (`voxwire probe --ws-url`):
   * a created call's join URL, or the vendor's socket endpoint. Throw when this dialect cannot
   * dial that URL. Absent: the dialect always builds its own URL, and the probe skips it.
   */
  socketClient?(target: SocketTarget): Dialect;
  /** A fresh vendor front for a simulator of this dialect; `options` were checked against `frontOptions`. */
  front?(options?: FrontOptions): VendorFront;
  /** What the front accepts from `voxwire simulate --front-option name=value`. */
  readonly frontOptions?: Readonly<Record<string, FrontOptionSpec>>;
  /** How the vendor refuses a wrong key (the `bad-credential` scenario expects exactly this). */
  readonly authRefusal?: AuthRefusal;
  /**
   * Wire messages the vendor documents that the dialect passes through by design (spec v1 has no
   * event for them): `probe` does not report them as messages the dialect does not know.
   */
  readonly documentedMessages?: readonly string[];
  /**
   * False for a vendor whose session configuration has no tools (they are set in the vendor's
   * console): the session-config scenario then checks the instructions only.
   */
  readonly configCarriesTools?: boolean;
  /**
   * Fields only this vendor's wire carries, by message type (Ultravox: `transcript` has `ordinal`
   * and `medium`): when two dialects read an endpoint equally well, `probe` ranks the one whose
   * marks it saw first.
   */
  readonly probeMarks?: Readonly<Record<string, readonly string[]>>;
}

/** A socket URL to dial as it is (`voxwire probe --ws-url`), and a key where the dialect sends one. */
export interface SocketTarget {
  /** The `ws:`/`wss:` URL, query included. */
  wsUrl: string;
  key: string;
  /** The wire rate, where the client chooses it. */
  sampleRate?: number;
}

/**
 * A dialect its carrier dials (role `server`): how to build it, the path its stream is served on,
 * and the carrier's simulator, which dials that path as the carrier would.
 */
export interface PhoneLegSubject {
  readonly name: string;
  /** One line for `voxwire --help`. */
  readonly summary?: string;
  dialect(): Dialect;
  readonly path: string;
  /** Dials the application's stream as the carrier does, for one simulated call. */
  dial(options: CarrierCallOptions): CarrierCall;
  /** The carrier's audio as the scenarios check it; default Twilio's (8 kHz, 20 ms each way, 160-byte μ-law messages). */
  readonly audio?: PhoneLegAudio;
  /** The carrier sends a connected message before its start (Twilio, Telnyx, Exotel); default true. */
  readonly opensWithConnected?: boolean;
  /** On clear the carrier sends back the marks still pending (Twilio, Telnyx); default true. Where not, a cleared mark never comes back. */
  readonly clearEchoesMarks?: boolean;
  /** The carrier ends a stream by closing the socket, with no goodbye message first (Plivo, Asterisk); default false. */
  readonly endsByClosing?: boolean;
}

/** What a phone leg's audio looks like on the wire, for the live scenarios. */
export interface PhoneLegAudio {
  /** The rate of the caller's audio the session gives the application, and of the audio it takes. */
  readonly sampleRate: number;
  /** The caller's audio arrives in frames of this long (default 20 ms). */
  readonly inFrameMs?: number;
  /** Payload bytes of each media message to the carrier: a multiple of `multipleOf`, within `min`…`max`. */
  readonly outBytes: { readonly multipleOf: number; readonly min?: number; readonly max?: number };
}

/** Twilio's: 8 kHz μ-law, 20 ms frames both ways, exactly 160 bytes per media message. */
export const TWILIO_LIKE_AUDIO: PhoneLegAudio = { sampleRate: 8000, inFrameMs: 20, outBytes: { multipleOf: 160, min: 160, max: 160 } };
