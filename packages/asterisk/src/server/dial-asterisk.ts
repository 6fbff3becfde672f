import { type ConnectOptions, connect, type Session } from "@voxwire/core";
import { type AgentSource, type BridgeOptions, bridge, type PhoneBridge } from "@voxwire/phone";
import { type AsteriskClientOptions, asteriskClient, asteriskFlowSignal } from "../asterisk.js";

export interface DialAsteriskOptions extends AsteriskClientOptions, BridgeOptions {
  /** The agent: a session, a promise of one, or a factory run once MEDIA_START has arrived. */
  agent: AgentSource;
  /** Options for `connect()` of the media WebSocket (timeouts, WebSocket, logger). */
  connectOptions?: Omit<ConnectOptions, "input" | "output">;
}

/**
 * The other direction: Asterisk waits for us (`Dial(WebSocket/INCOMING/…)`, or ARI externalMedia
 * with `connection_type=server`) and we dial its media URL, then bridge the call to the agent.
 * Resolves once the media WebSocket is open; the bridge's `ended` says when the call is over.
 */
export async function dialAsterisk(options: DialAsteriskOptions): Promise<PhoneBridge> {
  const { url, connectionId, format, agent, connectOptions, ...bridgeOptions } = options;
  const phone: Session = await connect(asteriskClient({ url, connectionId, ...(format ? { format } : {}) }), { ...connectOptions });
  return bridge(phone, agent, { flowSignal: asteriskFlowSignal, ...bridgeOptions });
}
