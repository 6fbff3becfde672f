import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { endlessBody, startHostilePeer } from "../../test/hostile-peer.js";
import { BootstrapError } from "../errors/bootstrap-error.js";
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
    const route = createCredentialRoute({ mint: async () => ({ token: "t", url: "wss://x" }), allowOrigins: ["http://app.test"] });
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

  it("passes a vendor status through and never leaks an internal error", async () => {
    const refused = createCredentialRoute({
      mint: async () => {
        throw new BootstrapError("bootstrap answered HTTP 401: bad key", 401, "bad key");
      },
    });
    const answer = await refused.fetch(new Request("http://me/t", { method: "POST" }));
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ code: "bootstrap_failed" });
    const broken = createCredentialRoute({
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
