// A bare `ws` client speaking the token-first guide's client side (docs/sources.md), for driving the token-first simulator
// frame by frame (the adapter itself is tested through connect() elsewhere).

import { type RawSocket, rawSocket } from "@voxwire/test-utils";
import { WebSocket } from "ws";

export interface RawTokenFirstClient extends RawSocket {
  opened: Promise<void>;
}

/** The token-first guide's step 1: `POST {API_URL}/api/v1/sdk/token` with the key as a Bearer header. */
export async function requestToken(apiUrl: string, key: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${apiUrl}/api/v1/sdk/token`, {
    method: "POST",
    headers: { ...(key === undefined ? {} : { authorization: `Bearer ${key}` }), "content-type": "application/json", ...headers },
  });
}

/** The token-first guide's step 2 without the token: the test decides what goes first. */
export function rawTokenFirstClient(wsUrl: string): RawTokenFirstClient {
  const socket = new WebSocket(wsUrl);
  const client = rawSocket(socket);
  const opened = new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { ...client, opened };
}
