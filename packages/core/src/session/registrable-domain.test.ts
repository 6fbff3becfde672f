import { describe, expect, it } from "vitest";
import { registrableDomain, sameSite } from "./registrable-domain.js";

describe("registrableDomain", () => {
  it("keeps two labels, three under a country code's second level", () => {
    expect(registrableDomain("agent.api.vendor.ai")).toBe("vendor.ai");
    expect(registrableDomain("voice.vendor.co.uk")).toBe("vendor.co.uk");
    expect(registrableDomain("rt.vendor.com.au")).toBe("vendor.com.au");
    expect(registrableDomain("vendor.io.")).toBe("vendor.io");
  });

  it("a host on a shared hosting domain is its own site; an IP address too", () => {
    expect(registrableDomain("me.herokuapp.com")).toBe("me.herokuapp.com");
    expect(registrableDomain("abc.execute-api.us-east-1.amazonaws.com")).toBe("abc.execute-api.us-east-1.amazonaws.com");
    expect(registrableDomain("10.0.0.7")).toBe("10.0.0.7");
    expect(registrableDomain("::1")).toBe("::1");
  });
});

describe("sameSite", () => {
  it("subdomains of one vendor are one site; tenants of one platform are not", () => {
    expect(sameSite("api.vendor.ai", "agent.vendor.ai")).toBe(true);
    expect(sameSite("api.vendor.ai", "vendor.ai.evil.example")).toBe(false);
    expect(sameSite("me.herokuapp.com", "someone-else.herokuapp.com")).toBe(false);
    expect(sameSite("me.vercel.app", "me.vercel.app")).toBe(true);
    expect(sameSite("team.github.io", "api.github.io")).toBe(false);
    // A lookalike suffix is not the platform.
    expect(sameSite("a.notherokuapp.com", "b.notherokuapp.com")).toBe(true);
  });
});
