import { describe, expect, it } from "vitest";
import { closeEvents } from "../dialect-kit/close-events.js";
import { AuthError, BootstrapError, ConcurrencyLimitError, httpError, ProtocolError, VoxwireError, vendorCodeOf } from "./index.js";

describe("VoxwireError", () => {
  it("carries code, retryable, fatal, cause and a dialect prefix", () => {
    const cause = new Error("socket hang up");
    const error = new ConcurrencyLimitError("too many", { dialect: "omni", cause });
    expect(error).toBeInstanceOf(VoxwireError);
    expect(error.code).toBe("concurrency_limit");
    expect(error.retryable).toBe(true);
    expect(error.fatal).toBe(true);
    expect(error.cause).toBe(cause);
    expect(error.name).toBe("ConcurrencyLimitError");
    expect(error.message).toBe("[voxwire/omni] too many");
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ code: "concurrency_limit", retryable: true });
  });

  it("protocol errors are not fatal unless a close made them so", () => {
    expect(new ProtocolError("bad frame").fatal).toBe(false);
  });

  it("isInstance recognises an error from another copy of the module, where instanceof cannot", async () => {
    // A query string makes the module loader evaluate the file a second time: a second copy.
    // @ts-expect-error: TypeScript does not resolve a query-string specifier; the loader does.
    const copy = (await import("./voxwire-error.js?second-copy")) as typeof import("./voxwire-error.js");
    const foreign = new copy.VoxwireError("from the other copy", { code: "x" });
    expect(foreign instanceof VoxwireError).toBe(false);
    expect(VoxwireError.isInstance(foreign)).toBe(true);
    expect(VoxwireError.isInstance(new Error("plain"))).toBe(false);
    expect(VoxwireError.isInstance({ code: "x" })).toBe(false);
    expect(VoxwireError.isInstance(null)).toBe(false);
  });

  it("a bootstrap error keeps status and body and is retryable only for 429 and 5xx", () => {
    expect(new BootstrapError("x", 401, "no").retryable).toBe(false);
    expect(new BootstrapError("x", 429, "slow down").retryable).toBe(true);
    expect(new BootstrapError("x", 503, "down")).toMatchObject({ status: 503, body: "down", retryable: true });
  });
});

describe("close codes", () => {
  const classify = (code: number) => closeEvents(code, "", "toy");

  it("a clean close ends without an error", () => {
    expect(classify(1000)).toEqual([{ type: "session-ended", reason: "closed", code: 1000 }]);
    expect(classify(1005)).toEqual([{ type: "session-ended", reason: "closed", code: 1005 }]);
  });

  it.each([
    [4401, "auth_failed", false],
    [4403, "missing_scope", false],
    [4429, "concurrency_limit", true],
    [1006, "network", true],
    [1011, "server_error", true],
    [1012, "server_error", true],
    [1008, "protocol_violation", false],
    [4999, "closed_by_peer", false],
    [3001, "closed_by_peer", true],
  ])("close %i is %s (retryable %s), fatal, and the session ends with that reason", (code, errorCode, retryable) => {
    const [error, ended] = classify(code);
    expect(error).toMatchObject({ type: "error", code: errorCode, fatal: true, retryable });
    expect(ended).toEqual({ type: "session-ended", reason: errorCode, code });
  });

  it("a dialect's rule overrides the default", () => {
    const [error] = closeEvents(4401, "", "toy", { 4401: (r, d) => new AuthError(`custom ${r}`, { dialect: d }) });
    expect(error).toMatchObject({ code: "auth_failed", message: "[voxwire/toy] custom " });
  });

  it("HTTP statuses at the upgrade map to typed errors with the vendor code", () => {
    expect(httpError(429, '{"error":"concurrency_limit_exceeded"}', "omni")).toMatchObject({
      code: "concurrency_limit",
      retryable: true,
      vendorCode: "concurrency_limit_exceeded",
    });
    expect(httpError(400, '{"error":{"code":"invalid_agent_id"}}', "omni")).toMatchObject({
      code: "invalid_request",
      vendorCode: "invalid_agent_id",
    });
    expect(httpError(401, "", "omni").code).toBe("auth_failed");
    expect(httpError(502, "bad gateway", "omni")).toMatchObject({ code: "server_error", retryable: true });
    expect(httpError(418, "teapot", "omni")).toMatchObject({ code: "network", retryable: false });
  });

  it("finds vendor codes in bodies and reasons", () => {
    expect(vendorCodeOf("origin_not_allowed")).toBe("origin_not_allowed");
    expect(vendorCodeOf('{"code":"x_y"}')).toBe("x_y");
    expect(vendorCodeOf("Something Went Wrong")).toBeUndefined();
    expect(vendorCodeOf("{not json")).toBeUndefined();
  });
});
