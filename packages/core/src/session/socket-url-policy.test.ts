// A bootstrap that answers a socket URL we must not dial: cleartext after https, another host.
// The bootstrap is the hostile peer's real HTTP server; an `https://` bootstrap URL is routed to
// it by a fetch that only rewrites the origin (the policy sees the URL the dialect asked for).
import { afterEach, describe, expect, it } from "vitest";
import { connectOpen } from "../../test/connect-open.js";
import { type HostilePeer, startHostilePeer } from "../../test/hostile-peer.js";
import { everything, rejection } from "../../test/test-helpers.js";
import { toy } from "../../test/toy-dialect.js";
import type { Session } from "./types.js";

const KEY = "toy-downgrade-key";
const TOKEN = "tok-SECRET-downgrade-123";
const peers: HostilePeer[] = [];
const sessions: Session[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

/** A peer whose bootstrap answers `socketUrl(peer)` with a fresh token. */
async function bootstrapPeer(socketUrl: (peer: HostilePeer) => string): Promise<HostilePeer> {
  const peer = await startHostilePeer({
    http: (_req, res, self) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ url: socketUrl(self), token: TOKEN, expiresIn: 60 }));
    },
  });
  peers.push(peer);
  return peer;
}

/** fetch that sends `https://api.vendor.test/…` to the peer's plain HTTP port. */
function routedFetch(peer: HostilePeer, origin = "https://api.vendor.test"): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) => fetch(String(input).replace(origin, peer.httpUrl), init)) as typeof fetch;
}

describe("the socket URL a bootstrap answers", () => {
  it("an https bootstrap answering ws://evil.example:81 is refused before dialing, without the token", async () => {
    const peer = await bootstrapPeer(() => `ws://evil.example:81/ws?token=${TOKEN}`);
    const dialect = toy({ url: "unused", key: KEY, bootstrapUrl: "https://api.vendor.test/token" });
    const error = await rejection(connectOpen(dialect, { fetch: routedFetch(peer) }));
    expect(error).toMatchObject({ code: "protocol_violation", vendorCode: "insecure_socket_url", fatal: true, retryable: false });
    expect(error.message).toContain("ws://evil.example:81");
    expect(everything(error)).not.toContain(TOKEN);
    expect(peer.requests).toHaveLength(1);
  });

  it("an https bootstrap answering ws:// on loopback (another port) is refused too: the bootstrap is not loopback", async () => {
    const target = await startHostilePeer();
    peers.push(target);
    const peer = await bootstrapPeer(() => `${target.url}/ws?token=${TOKEN}`);
    const dialect = toy({ url: "unused", key: KEY, bootstrapUrl: "https://api.vendor.test/token" });
    const error = await rejection(connectOpen(dialect, { fetch: routedFetch(peer) }));
    expect(error).toMatchObject({ vendorCode: "insecure_socket_url" });
    expect(target.upgrades).toHaveLength(0);
  });

  it("wss:// on another registrable domain is refused unless allowedSocketHosts lists it", async () => {
    const peer = await bootstrapPeer(() => `wss://evil.example/ws?token=${TOKEN}`);
    const dialect = toy({ url: "unused", key: KEY, bootstrapUrl: "https://api.vendor.test/token" });
    const error = await rejection(connectOpen(dialect, { fetch: routedFetch(peer) }));
    expect(error).toMatchObject({ code: "protocol_violation", vendorCode: "socket_host_not_allowed" });
    expect(everything(error)).not.toContain(TOKEN);
  });

  it("an http loopback bootstrap answering a socket on another host is refused; on another loopback port it connects", async () => {
    const evil = await bootstrapPeer(() => `ws://evil.example:81/ws?token=${TOKEN}`);
    const error = await rejection(connectOpen(toy({ url: "unused", key: KEY, bootstrapUrl: `${evil.httpUrl}/token` })));
    expect(error).toMatchObject({ vendorCode: "socket_host_not_allowed" });

    // The built-in simulators: http://127.0.0.1:A answering ws://127.0.0.1:B.
    const target = await startHostilePeer();
    peers.push(target);
    const peer = await bootstrapPeer(() => `${target.url}/ws`);
    const next = target.nextConnection();
    const session = await connectOpen(toy({ url: "unused", key: KEY, bootstrapUrl: `${peer.httpUrl}/token` }));
    sessions.push(session);
    await next;
    expect(session.state).toBe("open");
  });

  it("allowInsecureSocket and allowedSocketHosts let an application opt in explicitly", async () => {
    const target = await startHostilePeer();
    peers.push(target);
    const peer = await bootstrapPeer(() => `${target.url}/ws?token=${TOKEN}`);
    const dialect = toy({ url: "unused", key: KEY, bootstrapUrl: "https://api.vendor.test/token" });
    const hostOnly = await rejection(connectOpen(dialect, { fetch: routedFetch(peer), allowedSocketHosts: ["127.0.0.1"] }));
    expect(hostOnly).toMatchObject({ vendorCode: "insecure_socket_url" });
    const next = target.nextConnection();
    const session = await connectOpen(dialect, { fetch: routedFetch(peer), allowInsecureSocket: true, allowedSocketHosts: ["127.0.0.1"] });
    sessions.push(session);
    expect((await next).headers["sec-websocket-protocol"]).toContain(TOKEN);
  });

  it("subdomains of the bootstrap's registrable domain pass; a lookalike does not", async () => {
    for (const [socket, ok] of [
      ["wss://agent.vendor.test/ws", true],
      ["wss://vendor.test.evil.example/ws", false],
      ["wss://vendor-test.example/ws", false],
    ] as const) {
      const peer = await bootstrapPeer(() => socket);
      const dialect = toy({ url: "unused", key: KEY, bootstrapUrl: "https://api.vendor.test/token" });
      // The allowed one gets as far as dialing (no such host: a network error, not the policy).
      const error = await rejection(connectOpen(dialect, { fetch: routedFetch(peer), timeouts: { openMs: 2000 } }));
      if (ok) expect(error.vendorCode).toBeUndefined();
      else expect(error).toMatchObject({ vendorCode: "socket_host_not_allowed" });
    }
  });

  it("a bootstrap on a shared hosting domain may not send the token to another tenant there", async () => {
    const peer = await bootstrapPeer(() => "wss://someone-else.herokuapp.com/ws");
    const dialect = toy({ url: "unused", key: KEY, bootstrapUrl: "https://my-token-route.herokuapp.com/token" });
    const error = await rejection(
      connectOpen(dialect, { fetch: routedFetch(peer, "https://my-token-route.herokuapp.com"), timeouts: { openMs: 2000 } }),
    );
    expect(error).toMatchObject({ vendorCode: "socket_host_not_allowed" });
    expect(everything(error)).not.toContain(TOKEN);
  });
});
