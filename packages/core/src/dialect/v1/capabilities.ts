/**
 * What a dialect can carry. The shared conformance suite skips by these, and a session warns
 * (instead of throwing) when an application asks for something its dialect cannot do.
 */
export interface DialectCapabilities {
  /** The peer tells us to drop queued agent audio (barge-in: `flush`, `clear`, `playback_clear_buffer`). */
  readonly bargeIn: boolean;
  /** We can tell the peer to drop audio we queued at it (the Twilio leg's `clear`). */
  readonly clearOut: boolean;
  /** The peer sends transcripts. */
  readonly transcripts: boolean;
  /** Transcripts arrive as deltas before a final (otherwise only whole turns). */
  readonly transcriptDeltas: boolean;
  /** The peer reports the agent's turn state (`idle | listening | thinking | speaking`). */
  readonly agentState: boolean;
  /** The peer sends keypad digits. */
  readonly dtmfIn: boolean;
  /** We can forward keypad digits to the peer. */
  readonly dtmfOut: boolean;
  /** Playback checkpoints: we send a mark, the peer echoes it once the audio before it has played. */
  readonly marks: boolean;
  /** The peer can ask to hand the caller to a human. */
  readonly transfer: boolean;
  /** A credential must be the first frame after the socket opens; nothing else may precede it. */
  readonly firstMessageAuth: boolean;
  /** The connect plan comes from an HTTP call made first (a token or call-create endpoint). */
  readonly bootstrap: boolean;
}

/** A capability name, for `describeConformance` skips and session warnings. */
export type DialectCapability = keyof DialectCapabilities;

/** Every capability off: spread it and switch on what a dialect has. */
export const NO_CAPABILITIES: DialectCapabilities = {
  bargeIn: false,
  clearOut: false,
  transcripts: false,
  transcriptDeltas: false,
  agentState: false,
  dtmfIn: false,
  dtmfOut: false,
  marks: false,
  transfer: false,
  firstMessageAuth: false,
  bootstrap: false,
};
