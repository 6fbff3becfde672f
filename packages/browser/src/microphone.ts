import { AbortedError } from "@voxwire/core";
import { MicrophoneError } from "./microphone-error.js";

/**
 * What a conversation asks the microphone for: browser echo cancellation (so the agent's voice
 * from the speakers is not sent back as user speech), noise suppression and gain control, mono.
 * The application's constraints are applied on top.
 */
export const DEFAULT_MICROPHONE_CONSTRAINTS: Readonly<MediaTrackConstraints> = Object.freeze({
  channelCount: 1,
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
});

const REASONS: Record<string, string> = {
  NotAllowedError: "the user or the browser denied microphone access",
  SecurityError: "microphone access is blocked here (a permissions policy, or not a secure context)",
  NotFoundError: "no microphone was found",
  NotReadableError: "the microphone is in use by another application or failed to start",
  OverconstrainedError: "no microphone satisfies the requested constraints",
  AbortError: "the browser aborted opening the microphone",
};

/** Opens the microphone; every failure is a `MicrophoneError` naming the browser's reason. */
export async function openMicrophone(constraints: MediaTrackConstraints = {}, signal?: AbortSignal): Promise<MediaStream> {
  const devices = (globalThis.navigator as Navigator | undefined)?.mediaDevices;
  if (typeof devices?.getUserMedia !== "function") {
    throw new MicrophoneError(
      "this page cannot use a microphone: navigator.mediaDevices needs a secure context (https://, or http://localhost while developing)",
      {
        vendorCode: "SecurityError",
      },
    );
  }
  let stream: MediaStream;
  try {
    stream = await devices.getUserMedia({ audio: { ...DEFAULT_MICROPHONE_CONSTRAINTS, ...constraints }, video: false });
  } catch (cause) {
    const name = (cause as { name?: unknown } | null)?.name;
    const code = typeof name === "string" ? name : "UnknownError";
    throw new MicrophoneError(REASONS[code] ?? `the microphone could not be opened (${code})`, {
      vendorCode: code,
      retryable: code === "NotReadableError" || code === "AbortError",
      cause,
    });
  }
  if (signal?.aborted) {
    for (const track of stream.getTracks()) track.stop();
    throw new AbortedError("stopped while the microphone was opening");
  }
  return stream;
}
