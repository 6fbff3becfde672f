// detectRuntime() from the globals each runtime has; a Cloudflare Worker (checked for real inside
// workerd by packages/runtimes/test/workerd.test.ts) stands in here through its markers.
import { afterEach, describe, expect, it, vi } from "vitest";
import { detectRuntime, isBrowserLike, isCloudflareWorkers } from "./runtime.js";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("detectRuntime", () => {
  it("is node under Node", () => {
    expect(detectRuntime()).toBe("node");
    expect(isCloudflareWorkers()).toBe(false);
  });

  it("tells a Cloudflare Worker with nodejs_compat (process.versions.node set) apart from Node, by its user agent", () => {
    vi.stubGlobal("navigator", { userAgent: "Cloudflare-Workers" });
    expect(isCloudflareWorkers()).toBe(true);
    expect(detectRuntime()).toBe("unknown");
    expect(isBrowserLike(detectRuntime())).toBe(false); // a server: it may hold a secret key
  });

  it("tells a Worker without the global navigator (compatibility dates before 2022-03-21) by its WebSocketPair", () => {
    vi.stubGlobal("navigator", undefined);
    vi.stubGlobal("WebSocketPair", function WebSocketPair() {});
    expect(isCloudflareWorkers()).toBe(true);
    expect(detectRuntime()).toBe("unknown");
  });

  it("is a browser's worker where WorkerGlobalScope is the only marker", () => {
    vi.stubGlobal("process", undefined);
    vi.stubGlobal("WorkerGlobalScope", function WorkerGlobalScope() {});
    expect(detectRuntime()).toBe("worker");
  });
});
