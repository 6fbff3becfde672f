import { VoxwireError } from "../errors/voxwire-error.js";
import type { SecretSet } from "../secrets/redact.js";

/** Runs a dialect callback that may throw; anything that is not a VoxwireError is wrapped, redacted. */
export function guardDialectCall<T>(run: () => T, context: { secrets: SecretSet; dialect: string; step: string }): T {
  try {
    return run();
  } catch (error) {
    if (VoxwireError.isInstance(error)) {
      // A dialect may quote what a hostile answer put anywhere (a field name, a value): the
      // runtime knows every secret of the session by now, so the message is redacted here once.
      const redacted = context.secrets.redact(error.message);
      if (redacted !== error.message) error.message = redacted;
      throw error;
    }
    const why = error instanceof Error ? error.message : String(error);
    throw new VoxwireError(`${context.step} failed: ${context.secrets.redact(why)}`, {
      code: "dialect_error",
      dialect: context.dialect,
      cause: error,
    });
  }
}
