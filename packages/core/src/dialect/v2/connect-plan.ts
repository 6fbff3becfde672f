import type { WireAudioFormat } from "../../events/audio-format.js";
import type { WireFrame } from "../../events/wire-frame.js";

/** Everything a session needs to open a socket and speak on it. Built by a dialect from data only. */
export interface ConnectPlanV2 {
  /** The WebSocket URL (`ws:` or `wss:`). For a server-role dialect, the path it is served on. */
  readonly url: string;
  /** Subprotocols to request; a credential may ride here where browsers cannot set headers. */
  readonly protocols?: readonly string[];
  /** Upgrade headers. Only Node can send them: a plan with headers forces the `ws` socket. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Frames to send as soon as the socket opens, before anything else (a first-message token).
   * Frames that depend on the connection (a setup message built from the `agent` option) come
   * from the codec's `open()` instead, right after these.
   */
  readonly firstFrames?: readonly WireFrame[];
  /** The audio format per direction: `outbound` goes to the peer, `inbound` comes from it. */
  readonly audio: {
    readonly outbound: WireAudioFormat;
    readonly inbound: WireAudioFormat;
  };
  /**
   * The largest message the peer may send, in bytes (default 1 MiB + 64 KiB). A larger one ends
   * the session with a fatal `protocol_violation` (`frame_too_large`). Raise it for a vendor
   * whose frames are bigger; `SessionOptions.maxMessageBytes` overrides it.
   */
  readonly maxMessageBytes?: number;
  /** Epoch ms after which the plan can no longer be used (a short-lived token). */
  readonly expiresAt?: number;
  /**
   * The longest a connection lasts before the vendor ends it (OpenAI: 60 minutes). The runtime
   * emits `session-expiring` a minute before (or halfway, for a shorter limit).
   */
  readonly maxSessionMs?: number;
  /**
   * How long this vendor may say nothing in a healthy session: the default of the runtime's
   * inactivity deadline (`SessionOptions.inactivityTimeoutMs` overrides it; absent: 60 000 ms).
   * 0 for a vendor that stays quiet for as long as the user does (OpenAI Realtime, Gemini Live,
   * Deepgram): there silence proves nothing, so the deadline is off and a dead peer is found by
   * pings (where the runtime can ping) and the dialect's keepalive.
   */
  readonly inactivityMs?: number;
  /**
   * Every credential inside this plan (keys, tokens, signed URLs, subprotocol values), so the
   * runtime can keep them out of errors and logs.
   */
  readonly secrets: readonly string[];
}
