import { openedOrRefused, type RawSocket, rawSocket } from "@voxwire/test-utils";
import { WebSocket } from "ws";

/** The create-call request the Omnia Voice guide's client makes (docs/sources.md), with `fetch`: returns the status and the parsed body. */
export async function createCall(
  httpUrl: string,
  options: { key?: string; agentId?: string; inputSampleRate?: unknown; outputSampleRate?: unknown; body?: unknown } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { key = "voxwire-test-key", agentId = "agent_7", inputSampleRate = 48000, outputSampleRate = 48000 } = options;
  const body = options.body ?? { agentId, connectionType: "websocket", websocket: { inputSampleRate, outputSampleRate } };
  const response = await fetch(`${httpUrl}/api/v1/calls/create`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A bare `ws` client on a created call's socket URL, as the guide's client joins it (no headers, no subprotocol). */
export function joinCall(websocketUrl: string): Promise<RawSocket> {
  const socket = new WebSocket(websocketUrl);
  return openedOrRefused(socket, rawSocket(socket));
}

/** Rejection of `joinCall`, as `{ status, body }`. */
export async function refusedJoin(websocketUrl: string): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const client = await joinCall(websocketUrl);
    client.socket.close();
  } catch (error) {
    const { status, body } = error as { status: number; body: string };
    return { status, body: JSON.parse(body) as Record<string, unknown> };
  }
  throw new Error("expected the upgrade to be refused");
}
