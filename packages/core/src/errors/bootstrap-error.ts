import { type SubclassOptions, VoxwireError } from "./voxwire-error.js";

/**
 * The bootstrap HTTP call answered non-2xx. Carries the status and the body text; the body is
 * redacted by the runtime before this is built, because vendors echo keys back in errors.
 */
export class BootstrapError extends VoxwireError {
  override readonly name = "BootstrapError";
  static readonly code = "bootstrap_failed";
  readonly status: number;
  readonly body: string;

  constructor(message: string, status: number, body: string, options: SubclassOptions = {}) {
    super(message, { retryable: status === 429 || status >= 500, ...options, code: BootstrapError.code });
    this.status = status;
    this.body = body;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, body: this.body };
  }
}
