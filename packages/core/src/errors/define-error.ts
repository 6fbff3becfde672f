import { type SubclassOptions, VoxwireError } from "./voxwire-error.js";

export interface VoxwireErrorClass {
  new (message: string, options?: SubclassOptions): VoxwireError;
  readonly code: string;
}

export interface ErrorDefaults {
  retryable: boolean;
  /** Defaults to true: most errors end the session. */
  fatal?: boolean;
}

/** Makes a VoxwireError subclass with a fixed `code`, a `name` and defaults for `retryable`/`fatal`. */
export function defineVoxwireError(name: string, code: string, defaults: ErrorDefaults): VoxwireErrorClass {
  const cls = class extends VoxwireError {
    override readonly name = name;
    static readonly code = code;
    constructor(message: string, options: SubclassOptions = {}) {
      super(message, { retryable: defaults.retryable, fatal: defaults.fatal ?? true, ...options, code });
    }
  };
  Object.defineProperty(cls, "name", { value: name });
  return cls;
}
