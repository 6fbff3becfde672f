import { brandInstance, errorBrand, hasBrand } from "./brand.js";
import { type SubclassOptions, VoxwireError } from "./voxwire-error.js";

const BOOTSTRAP_ERROR = /* @__PURE__ */ errorBrand("BootstrapError", "bootstrap_failed");

/**
 * The bootstrap HTTP call answered non-2xx. Carries the status and the body text; the body is
 * redacted by the runtime before this is built, because vendors echo keys back in errors.
 */
export class BootstrapError extends VoxwireError<"bootstrap_failed"> {
  override readonly name = "BootstrapError";
  static readonly code = "bootstrap_failed";
  readonly status: number;
  readonly body: string;

  constructor(message: string, status: number, body: string, options: SubclassOptions = {}) {
    super(message, { retryable: status === 429 || status >= 500, ...options, code: BootstrapError.code });
    this.status = status;
    this.body = body;
    brandInstance(this, BOOTSTRAP_ERROR);
  }

  /** True only for a BootstrapError (with its `status` and `body`), from any copy of the package. */
  static override isInstance(value: unknown): value is BootstrapError {
    return hasBrand(value, BOOTSTRAP_ERROR);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, body: this.body };
  }
}
