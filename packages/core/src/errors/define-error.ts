import { brandInstance, errorBrand, hasBrand } from "./brand.js";
import { type SubclassOptions, VoxwireError } from "./voxwire-error.js";

/** A class made by `defineVoxwireError`: its instances carry the literal `Code`. */
export interface VoxwireErrorClass<Code extends string = string> {
  new (message: string, options?: SubclassOptions): VoxwireError<Code>;
  readonly prototype: VoxwireError<Code>;
  readonly code: Code;
  /** True only for this class (and its subclasses), from any copy of the package. */
  isInstance(value: unknown): value is VoxwireError<Code>;
}

export interface ErrorDefaults {
  retryable: boolean;
  /** Defaults to true: most errors end the session. */
  fatal?: boolean;
}

/**
 * Makes a VoxwireError subclass with a fixed `code`, a `name` and defaults for `retryable`/`fatal`.
 * The class gets a brand of its own (keyed by name and code), so its `isInstance` tells it apart
 * from every other class across copies of the package, where `instanceof` cannot.
 */
export function defineVoxwireError<Code extends string>(name: string, code: Code, defaults: ErrorDefaults): VoxwireErrorClass<Code> {
  const brand = errorBrand(name, code);
  const cls = class extends VoxwireError<Code> {
    override readonly name = name;
    static readonly code = code;
    constructor(message: string, options: SubclassOptions = {}) {
      super(message, { retryable: defaults.retryable, fatal: defaults.fatal ?? true, ...options, code });
      brandInstance(this, brand);
    }
    static override isInstance(value: unknown): value is VoxwireError<Code> {
      return hasBrand(value, brand);
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return cls;
}
