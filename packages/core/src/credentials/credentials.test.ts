import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { endlessBody, startHostilePeer } from "../../test/hostile-peer.js";
import { recordingLogger } from "../../test/test-helpers.js";
import { BootstrapError } from "../errors/bootstrap-error.js";
import { NetworkError } from "../errors/error-classes.js";
import { refuseSecretKeyInBrowser } from "./browser-secrets.js";
import { createCredentialRoute } from "./credential-route.js";

const rule = { dialect: "acme", secretPrefixes: ["acme_live_"], advice: "Mint a token on your server." };

describe("refuseSecretKeyInBrowser", () => {
  it("refuses a secret key in a browser or worker, with advice and without the key", () => {
    for (const runtime of ["browser", "worker"] as const) {
      expect(() => refuseSecretKeyInBrowser({ runtime, now: 0 }, "acme_live_s3cr3t", rule)).toThrowError(
        expect.objectContaining({ code: "invalid_config", vendorCode: "secret_key_in_browser", message: expect.stringContaining("Mint a token") }),
      );
      try {
        refuseSecretKeyInBrowser({ runtime, now: 0 }, "acme_live_s3cr3t", rule);
      } catch (error) {
        expect((error as Error).message).not.toContain("s3cr3t");
      }
    }
  });

  it("with allKeysSecret, refuses any key in a browser", () => {
    const all = { ...rule, secretPrefixes: [], allKeysSecret: true };
    expect(() => refuseSecretKeyInBrowser({ runtime: "browser", now: 0 }, "k-123456", all)).toThrowError(/permanent secret/);
    expect(() => refuseSecretKeyInBrowser({ runtime: "node", now: 0 }, "k-123456", all)).not.toThrow();
  });

  it("allows the same key on a server, and test or publishable keys anywhere", () => {
    expect(() => refuseSecretKeyInBrowser({ runtime: "node", now: 0 }, "acme_live_s3cr3t", rule)).not.toThrow();
    expect(() => refuseSecretKeyInBrowser({ runtime: "browser", now: 0 }, "acme_test_x", rule)).not.toThrow();
    expect(() => refuseSecretKeyInBrowser({ runtime: "browser", now: 0 }, undefined, rule)).not.toThrow();
  });
});

describe("createCredentialRoute", () => {
  it("answers POST with the minted credential, and CORS for allowed origins only", async () => {
    const route = createCredentialRoute({
      authorize: "public",
      mint: async () => ({ token: "t", url: "wss://x" }),
      allowOrigins: ["http://app.test"],
    });
    const ok = await route.fetch(new Request("http://me/token", { method: "POST", headers: { origin: "http://app.test" } }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ token: "t", url: "wss://x" });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://app.test");
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const other = await route.fetch(new Request("http://me/token", { method: "POST", headers: { origin: "http://evil.test" } }));
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await route.fetch(new Request("http://me/token", { method: "OPTIONS", headers: { origin: "http://app.test" } }));
    expect(preflight.status).toBe(204);
    expect((await route.fetch(new Request("http://me/token"))).status).toBe(405);
  });

  it("answers a vendor refusal with a generic 502, and never leaks an internal error", async () => {
    const refused = createCredentialRoute({
      authorize: "public",
      mint: async () => {
        throw new BootstrapError("bootstrap answered HTTP 401: bad key", 401, "bad key");
      },
    });
    const answer = await refused.fetch(new Request("http://me/t", { method: "POST" }));
    expect(answer.status).toBe(502);
    expect(await answer.json()).toEqual({ error: "the credential service refused the request", code: "upstream_refused" });
    const broken = createCredentialRoute({
      authorize: "public",
      mint: async () => {
        throw new Error("db password hunter2 leaked in a stack");
      },
    });
    const hidden = await broken.fetch(new Request("http://me/t", { method: "POST" }));
    expect(hidden.status).toBe(500);
    expect(await hidden.text()).not.toContain("hunter2");
  });

  it("serves node:http through the node adapter", async () => {
    const route = createCredentialRoute({ mint: async () => ({ token: "n" }) });
    const server = createServer((req, res) => void route.node(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/t`, { method: "POST" });
    expect(await answer.json()).toEqual({ token: "n" });
    await new Promise((resolve) => server.close(resolve));
  });
});

describe("createCredentialRoute against a vendor that never finishes", () => {
  it("answers 504 after timeoutMs and aborts the mint, whose fetch stops reading", async () => {
    const vendor = await startHostilePeer({ http: (_req, res) => endlessBody(res, 1024, 20) });
    let aborted = false;
    const route = createCredentialRoute({
      authorize: "public",
      timeoutMs: 300,
      mint: async (signal) => {
        signal.addEventListener("abort", () => {
          aborted = true;
        });
        const answer = await fetch(`${vendor.httpUrl}/mint`, { method: "POST", signal });
        return JSON.parse(await answer.text());
      },
    });
    const started = Date.now();
    const answer = await route.fetch(new Request("http://me/t", { method: "POST" }));
    expect(answer.status).toBe(504);
    expect(await answer.json()).toMatchObject({ code: "timeout" });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(aborted).toBe(true);
    await vendor.close();
  });
});

describe("createCredentialRoute: who may mint, and what the page hears", () => {
  const VENDOR_KEY = "vendor-live-key-0042";

  /** A vendor that refuses the server's key the way vendors do: 401, its message, its URL. */
  async function refusingVendor(status = 401) {
    return startHostilePeer({
      http: (_req, res) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "invalid_api_key: key vendor-…0042 revoked, see https://vendor.test/keys/acct_77" }));
      },
    });
  }

  function mintFrom(url: string) {
    return async (signal: AbortSignal) => {
      const answer = await fetch(`${url}/mint`, { method: "POST", headers: { authorization: `Bearer ${VENDOR_KEY}` }, signal });
      const body = await answer.text();
      if (!answer.ok) throw new BootstrapError(`POST ${url}/mint answered HTTP ${answer.status}: ${body}`, answer.status, body);
      return JSON.parse(body);
    };
  }

  async function serve(route: ReturnType<typeof createCredentialRoute>) {
    const server = createServer((req, res) => void route.node(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/token`, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it("authorize refuses a caller with 401 unauthorized and never calls the vendor (fetch and node)", async () => {
    const vendor = await startHostilePeer({ http: (_req, res) => res.writeHead(200).end('{"token":"minted"}') });
    const route = createCredentialRoute({
      authorize: (request) => {
        const header = request instanceof Request ? request.headers.get("x-app-session") : request.headers["x-app-session"];
        return header === "user-1";
      },
      mint: mintFrom(vendor.httpUrl),
    });
    const app = await serve(route);
    const refused = await fetch(app.url, { method: "POST" });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "unauthorized" });
    const refusedFetch = await route.fetch(new Request("http://me/t", { method: "POST", headers: { "x-app-session": "nobody" } }));
    expect(refusedFetch.status).toBe(401);
    expect(vendor.requests).toHaveLength(0);
    const allowed = await fetch(app.url, { method: "POST", headers: { "x-app-session": "user-1" } });
    expect(await allowed.json()).toEqual({ token: "minted" });
    expect(vendor.requests).toHaveLength(1);
    await app.close();
    await vendor.close();
  });

  it("an async authorize works; one that throws answers 500 and reports the error", async () => {
    const seen: unknown[] = [];
    const route = createCredentialRoute({
      authorize: async () => {
        throw new Error("session store down");
      },
      onError: (error) => seen.push(error),
      mint: async () => ({ token: "never" }),
    });
    const answer = await route.fetch(new Request("http://me/t", { method: "POST" }));
    expect(answer.status).toBe(500);
    expect(await answer.text()).not.toContain("session store");
    expect(seen).toHaveLength(1);
    const yes = createCredentialRoute({ authorize: async () => true, mint: async () => ({ token: "t" }) });
    expect((await yes.fetch(new Request("http://me/t", { method: "POST" }))).status).toBe(200);
  });

  it("a vendor 401 reaches the page as 502 upstream_refused, with no vendor text, status or URL; onError gets the detail", async () => {
    const vendor = await refusingVendor(401);
    const seen: unknown[] = [];
    const app = await serve(createCredentialRoute({ authorize: "public", mint: mintFrom(vendor.httpUrl), onError: (error) => seen.push(error) }));
    const answer = await fetch(app.url, { method: "POST" });
    const text = await answer.text();
    expect(answer.status).toBe(502);
    expect(JSON.parse(text)).toEqual({ error: "the credential service refused the request", code: "upstream_refused" });
    for (const leak of ["invalid_api_key", "401", "vendor.test", vendor.httpUrl, "127.0.0.1", "acct_77"]) expect(text).not.toContain(leak);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 401, message: expect.stringContaining("invalid_api_key") });
    await app.close();
    await vendor.close();
  });

  it("a vendor 500 or 429 is upstream_refused too; a network failure keeps only its class", async () => {
    for (const status of [500, 429, 403]) {
      const vendor = await refusingVendor(status);
      const route = createCredentialRoute({ authorize: "public", mint: mintFrom(vendor.httpUrl) });
      const answer = await route.fetch(new Request("http://me/t", { method: "POST" }));
      expect([answer.status, (await answer.json()).code]).toEqual([502, "upstream_refused"]);
      await vendor.close();
    }
    const unreachable = createCredentialRoute({
      authorize: "public",
      mint: async () => {
        throw new NetworkError("token call POST http://10.0.0.7:9/internal failed: ECONNREFUSED");
      },
    });
    const answer = await unreachable.fetch(new Request("http://me/t", { method: "POST" }));
    const text = await answer.text();
    expect(answer.status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({ code: "network" });
    expect(text).not.toContain("10.0.0.7");
  });

  it('without authorize the route still works and warns once, at creation; "public" does not warn', async () => {
    const lines: string[] = [];
    const route = createCredentialRoute({ mint: async () => ({ token: "t" }), logger: recordingLogger(lines) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/authorize/);
    await route.fetch(new Request("http://me/t", { method: "POST" }));
    await route.fetch(new Request("http://me/t", { method: "POST" }));
    expect(lines).toHaveLength(1);
    const quiet: string[] = [];
    createCredentialRoute({ authorize: "public", mint: async () => ({}), logger: recordingLogger(quiet) });
    expect(quiet).toHaveLength(0);
  });
});
