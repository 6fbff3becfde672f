import { describe, expect, expectTypeOf, it, vi } from "vitest";
import type { ErrorEvent } from "../events/inbound.js";
import * as errors from "./index.js";
import {
  AuthError,
  BootstrapError,
  type ErrorFactory,
  NetworkError,
  type OpenErrorCode,
  ScopeError,
  VOXWIRE_ERROR_CODES,
  VoxwireError,
  type VoxwireErrorClass,
  type VoxwireErrorCode,
} from "./index.js";

/** The static side every error class shares, whether made by defineVoxwireError or written by hand. */
interface ErrorClass {
  readonly name: string;
  readonly code: string;
  readonly prototype: VoxwireError;
  isInstance(value: unknown): boolean;
}

/** Every error class core exports, found by walking the exports: a new class is covered without a list to update. */
const classes: ErrorClass[] = (Object.values(errors) as unknown[]).filter(
  (value): value is ErrorClass => typeof value === "function" && value.prototype instanceof VoxwireError,
);

/** One instance of a class; BootstrapError is the one whose constructor takes more than a message. */
function make(cls: ErrorClass): VoxwireError {
  if (cls === BootstrapError) return new BootstrapError("x", 503, "down");
  return new (cls as VoxwireErrorClass)("x");
}

describe("error identity", () => {
  it("finds every class, each with a code of its own that voxwire lists", () => {
    expect(classes.map((cls) => cls.name).sort()).toEqual([
      "AbortedError",
      "AudioDataError",
      "AuthError",
      "BacklogOverflowError",
      "BootstrapError",
      "ClosedError",
      "ConcurrencyLimitError",
      "ConfigError",
      "InvalidRequestError",
      "NetworkError",
      "ProtocolError",
      "ScopeError",
      "ServerError",
      "TimeoutError",
      "TokenExpiredError",
      "VendorError",
    ]);
    const codes = classes.map((cls) => cls.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const cls of classes) {
      expect(VOXWIRE_ERROR_CODES).toContain(cls.code);
      expect(make(cls)).toMatchObject({ code: cls.code, name: cls.name });
    }
  });

  it.each(classes.map((cls) => [cls.name, cls] as const))("%s.isInstance is true for its own instances only", (_, a) => {
    for (const b of classes) {
      const error = make(b);
      expect(a.isInstance(error), `${a.name}.isInstance(new ${b.name}())`).toBe(a === b);
      expect(VoxwireError.isInstance(error), `VoxwireError.isInstance(new ${b.name}())`).toBe(true);
    }
    // A bare VoxwireError with the class's code is not an instance: identity is the brand, not the code.
    expect(a.isInstance(new VoxwireError("x", { code: a.code }))).toBe(false);
    expect(a.isInstance({ code: a.code, name: a.name })).toBe(false);
    expect(a.isInstance(new Error("plain"))).toBe(false);
    expect(a.isInstance(null)).toBe(false);
    expect(a.isInstance(undefined)).toBe(false);
  });

  it("a subclass of a class keeps that class's identity", () => {
    class AccountAuthError extends AuthError {}
    const error = new AccountAuthError("x");
    expect(AuthError.isInstance(error)).toBe(true);
    expect(ScopeError.isInstance(error)).toBe(false);
  });

  it("a subclass from another copy of the module is recognised, where instanceof cannot", async () => {
    // A query string makes the module loader evaluate the file a second time: a second copy.
    // @ts-expect-error: TypeScript does not resolve a query-string specifier; the loader does.
    const copy = (await import("./error-classes.js?second-copy")) as typeof import("./error-classes.js");
    const foreign = new copy.AuthError("from the other copy");
    expect(copy.AuthError).not.toBe(AuthError);
    expect(foreign instanceof AuthError).toBe(false);
    expect(AuthError.isInstance(foreign)).toBe(true);
    expect(copy.AuthError.isInstance(new AuthError("from this copy"))).toBe(true);
    expect(NetworkError.isInstance(foreign)).toBe(false);
    expect(copy.NetworkError.isInstance(new AuthError("x"))).toBe(false);
    expect(VoxwireError.isInstance(foreign)).toBe(true);
  });

  it("a BootstrapError from another copy of the module is recognised", async () => {
    // @ts-expect-error: TypeScript does not resolve a query-string specifier; the loader does.
    const copy = (await import("./bootstrap-error.js?second-copy")) as typeof import("./bootstrap-error.js");
    const foreign = new copy.BootstrapError("from the other copy", 502, "bad gateway");
    expect(foreign instanceof BootstrapError).toBe(false);
    expect(BootstrapError.isInstance(foreign)).toBe(true);
    expect(AuthError.isInstance(foreign)).toBe(false);
    expect(copy.BootstrapError.isInstance(new AuthError("x"))).toBe(false);
  });

  it("every class from a whole second copy of the package is told apart exactly as in this one", async () => {
    // A fresh module registry re-evaluates everything, the base class and the brand helpers included.
    vi.resetModules();
    const copy = (await import("./index.js")) as typeof errors;
    expect(copy.VoxwireError).not.toBe(VoxwireError);
    for (const a of classes) {
      for (const b of classes) {
        const foreign = make((copy as unknown as Record<string, ErrorClass>)[b.name]!);
        expect(foreign instanceof VoxwireError).toBe(false);
        expect(a.isInstance(foreign), `${a.name}.isInstance(new copy.${b.name}())`).toBe(a.name === b.name);
        expect(VoxwireError.isInstance(foreign)).toBe(true);
      }
    }
  });
});

/** The literal code of every class an exports module holds (a class is what has a static `code` and `isInstance`). */
type ClassCodes<Module> = {
  [K in keyof Module]: Module[K] extends { readonly code: infer Code extends string; isInstance(value: unknown): boolean } ? Code : never;
}[keyof Module];

describe("error types", () => {
  it("an instance's code is its class's literal code", () => {
    expectTypeOf(new AuthError("x").code).toEqualTypeOf<"auth_failed">();
    expectTypeOf<AuthError["code"]>().toEqualTypeOf<"auth_failed">();
    expectTypeOf(AuthError.code).toEqualTypeOf<"auth_failed">();
    expectTypeOf(new BootstrapError("x", 500, "").code).toEqualTypeOf<"bootstrap_failed">();
    expectTypeOf(new VoxwireError("x", { code: "dialect_error" }).code).toEqualTypeOf<"dialect_error">();
    // Two classes are two types: one cannot stand for the other.
    expectTypeOf<ScopeError>().not.toExtend<AuthError>();
    expectTypeOf<AuthError>().toExtend<VoxwireError>();
  });

  it("isInstance narrows to the class", () => {
    const value: unknown = new NetworkError("x");
    if (NetworkError.isInstance(value)) expectTypeOf(value.code).toEqualTypeOf<"network">();
    if (BootstrapError.isInstance(value)) expectTypeOf(value.status).toEqualTypeOf<number>();
    expect(NetworkError.isInstance(value)).toBe(true);
  });

  it("every class's code is one voxwire lists; base and event codes stay open", () => {
    expectTypeOf<ClassCodes<typeof errors>>().toExtend<VoxwireErrorCode>();
    expectTypeOf<VoxwireError["code"]>().toEqualTypeOf<OpenErrorCode>();
    expectTypeOf<ErrorEvent["code"]>().toEqualTypeOf<OpenErrorCode>();
    expectTypeOf<ReturnType<ErrorFactory>["code"]>().toEqualTypeOf<OpenErrorCode>();
    // Open, yet the known codes are still the ones an editor offers.
    expectTypeOf<"some_vendor_code">().toExtend<OpenErrorCode>();
    expectTypeOf<VoxwireErrorCode>().toExtend<OpenErrorCode>();
  });
});
