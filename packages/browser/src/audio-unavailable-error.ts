import { defineVoxwireError } from "@voxwire/core";

/**
 * Web Audio cannot do what the conversation needs: no AudioContext or AudioWorklet (an old
 * browser, or a page that is not a secure context), a worklet module refused (a Content
 * Security Policy without `blob:`), or a processor that failed. Fatal unless said otherwise.
 */
export const AudioUnavailableError = defineVoxwireError("AudioUnavailableError", "audio_unavailable", { retryable: false });
export type AudioUnavailableError = InstanceType<typeof AudioUnavailableError>;
