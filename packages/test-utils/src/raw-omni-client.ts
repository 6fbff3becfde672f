import { WebSocket } from "ws";
import { openedOrRefused, type RawSocket, rawSocket } from "./raw-socket.js";

/** A bare `ws` client speaking Omni's client side, as the Omni browser guide (docs/sources.md) does: key in the subprotocol. */
export function rawOmniClient(
  baseWsUrl: string,
  options: { key?: string; agentId?: string; rate?: number; origin?: string; protocols?: string[] } = {},
): Promise<RawSocket> {
  const { key = "voxwire-test-key", agentId = "agent_123", rate = 24000 } = options;
  const url = `${baseWsUrl}/v1/omni?agent_id=${agentId}&format=pcm16&rate=${rate}`;
  const socket = new WebSocket(url, options.protocols ?? [`pyai-key.${key}`], options.origin ? { origin: options.origin } : {});
  // Omni's malformed-frame fault sends text that is not JSON: kept, not thrown.
  return openedOrRefused(socket, rawSocket(socket, parseOrKeep));
}

function parseOrKeep(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unparsed: text };
  }
}
