import { defineVoxwireError } from "@voxwire/core";

/**
 * The microphone could not be opened or stopped working: permission denied, no device, the
 * device busy, or a page that is not a secure context. `vendorCode` holds the browser's
 * DOMException name (`NotAllowedError`, `NotFoundError`, `NotReadableError`, …). Fatal.
 */
export const MicrophoneError = defineVoxwireError("MicrophoneError", "microphone_unavailable", { retryable: false });
export type MicrophoneError = InstanceType<typeof MicrophoneError>;
