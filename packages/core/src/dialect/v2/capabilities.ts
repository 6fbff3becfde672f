/**
 * What a dialect can carry, spec version 2. The shared conformance suite skips by these, and a
 * session warns (instead of throwing) when an application asks for something its dialect cannot do.
 * Version 2 adds the last eight; a version 1 dialect read by this runtime has them all off.
 */
export interface DialectCapabilitiesV2 {
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
  /** The agent calls tools (`tool-call`) and takes their results (`tool-result`). */
  readonly toolCalls: boolean;
  /** The user can type (`text-send`). */
  readonly textInput: boolean;
  /** The vendor can be told how much of a turn was heard (`playback-heard`) and cuts its context to it. */
  readonly truncation: boolean;
  /** The vendor reports its own voice detection (`speech-started`, `speech-stopped`). */
  readonly speechEvents: boolean;
  /** Agent events name their turn (`turnId` on audio, transcripts and `playback-clear`). */
  readonly turnIds: boolean;
  /** The `agent` option of `connect()` reaches the vendor (instructions, voice, tools, turn detection, language). */
  readonly sessionConfig: boolean;
  /** The configuration can change mid-session (`session.update`). */
  readonly sessionUpdate: boolean;
  /** A dropped connection can continue the same conversation (a resumption handle the codec keeps). */
  readonly resumption: boolean;
}

/** A capability name, for `describeConformance` skips and session warnings. */
export type DialectCapabilityV2 = keyof DialectCapabilitiesV2;
