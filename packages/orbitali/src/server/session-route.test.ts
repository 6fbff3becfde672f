import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { REALTIME_SESSION_RESPONSE, SEED_AGENT_ID } from "../../test/seed-004-frames.js";
import { createOrbitaliSessionRoute } from "./session-route.js";

const KEY = "orb_live_s3cr3t_key_123";

function vendor(status: number, body: string, seen: string[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push(`${init.method} ${url} ${JSON.stringify(init.headers)}`);
    return new Response(body, { status });
  }) as typeof fetch;
}

describe("createOrbitaliSessionRoute", () => {
  it(".fetch (a Next.js App Router handler) mints a session and answers it as JSON", async () => {
    const seen: string[] = [];
    const route = createOrbitaliSessionRoute({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: vendor(200, REALTIME_SESSION_RESPONSE, seen) });
    const response = await route.fetch(new Request("http://app.test/api/voice-token", { method: "POST" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual(JSON.parse(REALTIME_SESSION_RESPONSE));
    expect(seen).toEqual([
      `POST https://api.orbitali.ai/public/v1/agents/${SEED_AGENT_ID}/realtime-sessions {"authorization":"Bearer ${KEY}","accept":"application/json"}`,
    ]);
  });

  it("answers a vendor refusal with a generic 502 and code, never the vendor's text or the key", async () => {
    const route = createOrbitaliSessionRoute({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: vendor(401, `bad key ${KEY}`), authorize: "public" });
    const response = await route.fetch(new Request("http://app.test/api/voice-token", { method: "POST" }));
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: "upstream_refused" });
    expect(text).not.toContain("bad key");
    expect(text).not.toContain(KEY);
  });

  it("a malformed vendor answer is a 502 without the token", async () => {
    const route = createOrbitaliSessionRoute({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: vendor(200, '{"token":"t0k3n-abcdef"}') });
    const response = await route.fetch(new Request("http://app.test/api/voice-token", { method: "POST" }));
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: "protocol_violation" });
    expect(text).not.toContain("t0k3n-abcdef");
  });

  it("refuses bad options when the route is made, not on the first request", () => {
    expect(() => createOrbitaliSessionRoute({ apiKey: KEY, agentId: "" })).toThrow(/agentId/);
    expect(() => createOrbitaliSessionRoute({ apiKey: "", agentId: SEED_AGENT_ID })).toThrow(/API key/);
  });

  it(".node serves node:http (and Express), and the mint is not aborted while the client waits", async () => {
    // A vendor that answers on a later turn and honours the signal, as a real fetch does.
    const slowVendor = (async (_url: string, init: RequestInit) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (init.signal?.aborted) throw new Error("aborted");
      return new Response(REALTIME_SESSION_RESPONSE, { status: 200 });
    }) as typeof fetch;
    const route = createOrbitaliSessionRoute({ apiKey: KEY, agentId: SEED_AGENT_ID, fetch: slowVendor });
    const server = createServer((req, res) => void route.node(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/voice-token`;
      const ok = await fetch(base, { method: "POST" });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual(JSON.parse(REALTIME_SESSION_RESPONSE));
      expect((await fetch(base)).status).toBe(405);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
