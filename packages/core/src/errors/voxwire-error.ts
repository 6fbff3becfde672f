import { brandInstance, hasBrand } from "./brand.js";
import type { OpenErrorCode } from "./error-codes.js";

/** The base brand. The key predates per-class brands and stays, so older copies still pass. */
const VOXWIRE_ERROR = Symbol.for("voxwire.error");

export interface VoxwireErrorOptions<Code extends string = OpenErrorCode> {
  /** Stable machine-readable code; each subclass fixes its own. */
  code: Code;
  /** A new attempt (a new session, a new token) may succeed. */
  retryable?: boolean;
  /** The session cannot go on. Defaults to true. */
  fatal?: boolean;
  /** The dialect that raised it, used as the message prefix. */
  dialect?: string;
  /** The vendor's own code when it sent one (`invalid_agent_id`, `origin_not_allowed`, …). */
  vendorCode?: string;
  cause?: unknown;
}

/**
 * Base of every error voxwire raises. Messages are prefixed `[voxwire/<dialect>]` and never
 * carry a secret: callers redact before constructing (see `redact`).
 *
 * `Code` is the literal code of a subclass (`AuthError` has `"auth_failed"`); the base stays
 * open to any string, because a third-party dialect may raise codes of its own.
 */
export class VoxwireError<Code extends string = OpenErrorCode> extends Error {
  override readonly name: string = "VoxwireError";
  readonly code: Code;
  readonly retryable: boolean;
  readonly fatal: boolean;
  readonly dialect: string | undefined;
  readonly vendorCode: string | undefined;

  constructor(message: string, options: VoxwireErrorOptions<Code>) {
    super(`[voxwire${options.dialect ? `/${options.dialect}` : ""}] ${message}`, { cause: options.cause });
    this.code = options.code;
    this.retryable = options.retryable ?? false;
    this.fatal = options.fatal ?? true;
    this.dialect = options.dialect;
    this.vendorCode = options.vendorCode;
    brandInstance(this, VOXWIRE_ERROR);
  }

  /**
   * Works across copies of the package (two versions in one bundle), unlike `instanceof`.
   * True for every voxwire error; each subclass's own `isInstance` is true for that class only.
   */
  static isInstance(value: unknown): value is VoxwireError {
    return hasBrand(value, VOXWIRE_ERROR);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      fatal: this.fatal,
      dialect: this.dialect,
      vendorCode: this.vendorCode,
    };
  }
}

/** The options a subclass passes through: everything but the code it fixes. */
export type SubclassOptions = Omit<VoxwireErrorOptions, "code">;
