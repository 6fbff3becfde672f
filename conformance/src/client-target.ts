/** Where a client dialect should dial: a simulator's URL (or the vendor's) and a key it accepts. */
export interface ClientTarget {
  /** Base URL, e.g. a simulator's `http://127.0.0.1:PORT`. */
  url: string;
  key: string;
  /** The agent to talk to, where the dialect names one (default: the dialect's sample id). */
  agentId?: string;
  /** The wire rate, where the client chooses it (default: the dialect's browser rate). */
  sampleRate?: number;
}
