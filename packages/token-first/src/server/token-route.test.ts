import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createTokenRoute } from "../index.js";

const KEY = "sk_example_K3yValue";
const ANSWER = { token: "tok_abc123", ws_url: "wss://api.test/ws", internal: "not for browsers" };

/** A fetch that answers like the vendor's token endpoint and records what it was asked. */
function vendor(status = 200, body: string = JSON.stringify(ANSWER)) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body, { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
  return { calls, fetch: fetchImpl };
}

const post = (headers: Record<string, string> = {}) => new Request("http://app.test/voice-token", { method: "POST", headers });

describe("createTokenRoute", () => {
  it("performs the token call with the key on the server and answers the browser only { token, ws_url }", async () => {
    const v = vendor();
    const route = createTokenRoute({ apiUrl: "https://api.test", apiKey: KEY, fetch: v.fetch });
    const answer = await route.fetch(post());
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ token: "tok_abc123", ws_url: "wss://api.test/ws" });
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(v.calls).toHaveLength(1);
    expect(v.calls[0]?.url).toBe("https://api.test/api/v1/sdk/token");
    expect(v.calls[0]?.init).toMatchObject({ method: "POST", headers: { authorization: `Bearer ${KEY}` } });
  });

  it("answers a vendor refusal with a generic 502 (the vendor's 401 is about this server's key), the detail kept server-side", async () => {
    const v = vendor(401, JSON.stringify({ error: "invalid_api_key", message: `key ${KEY} is not valid` }));
    const errors: unknown[] = [];
    const route = createTokenRoute({ apiUrl: "https://api.test", apiKey: KEY, fetch: v.fetch, authorize: "public", onError: (e) => errors.push(e) });
    const answer = await route.fetch(post());
    expect(answer.status).toBe(502);
    const text = await answer.text();
    expect(JSON.parse(text)).toMatchObject({ code: "upstream_refused" });
    expect(text).not.toContain("invalid_api_key");
    expect(text).not.toContain("api.test");
    expect(text).not.toContain(KEY);
    expect(errors).toHaveLength(1);
    expect(String((errors[0] as Error).message)).not.toContain(KEY);
  });

  it("passes authorize on: a refused caller gets 401 and nothing is minted", async () => {
    const v = vendor(200, JSON.stringify({ token: "tok_abc123", ws_url: "wss://api.test/ws" }));
    const route = createTokenRoute({ apiUrl: "https://api.test", apiKey: KEY, fetch: v.fetch, authorize: () => false });
    const answer = await route.fetch(post());
    expect(answer.status).toBe(401);
    expect(v.calls).toHaveLength(0);
  });

  it("answers 502 for a vendor answer without a token, and for an unreachable vendor, without secrets", async () => {
    const bad = await createTokenRoute({ apiUrl: "https://api.test", apiKey: KEY, fetch: vendor(200, '{"ws_url":"wss://x"}').fetch }).fetch(post());
    expect(bad.status).toBe(502);
    expect(await bad.json()).toMatchObject({ code: "protocol_violation" });
    const down = (async () => {
      throw new TypeError(`connect ECONNREFUSED (Bearer ${KEY})`);
    }) as typeof fetch;
    const unreachable = await createTokenRoute({ apiUrl: "https://api.test", apiKey: KEY, fetch: down }).fetch(post());
    expect(unreachable.status).toBe(502);
    const text = await unreachable.text();
    expect(JSON.parse(text)).toMatchObject({ code: "network" });
    expect(text).not.toContain(KEY);
  });

  it("allows the listed origins cross-origin and answers their preflight", async () => {
    const route = createTokenRoute({ apiUrl: "https://api.test", apiKey: KEY, fetch: vendor().fetch, allowOrigins: ["http://page.test"] });
    const ok = await route.fetch(post({ origin: "http://page.test" }));
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://page.test");
    const other = await route.fetch(post({ origin: "http://evil.test" }));
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await route.fetch(new Request("http://app.test/voice-token", { method: "OPTIONS", headers: { origin: "http://page.test" } }));
    expect(preflight.status).toBe(204);
  });

  it("refuses options that cannot work when it is made, not on the first request", () => {
    expect(() => createTokenRoute({ apiUrl: "ftp://api.test", apiKey: KEY })).toThrowError(expect.objectContaining({ code: "invalid_config" }));
    expect(() => createTokenRoute({ apiUrl: "https://api.test", apiKey: "" })).toThrowError(expect.objectContaining({ code: "invalid_config" }));
  });

  it("serves node:http through .node", async () => {
    const route = createTokenRoute({ apiUrl: "https://api.test", apiKey: KEY, fetch: vendor().fetch });
    const server = createServer((req, res) => void route.node(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const answer = await fetch(`http://127.0.0.1:${port}/voice-token`, { method: "POST" });
      expect(await answer.json()).toEqual({ token: "tok_abc123", ws_url: "wss://api.test/ws" });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
