import { ConfigError, type ResamplerQuality, VoxwireError } from "@voxwire/core";
import { AudioUnavailableError } from "./audio-unavailable-error.js";
import { loadWorkletModules, type WorkletModuleUrls } from "./worklet-modules.js";
import type { Level } from "./worklets/level.js";
import { CAPTURE_PROCESSOR_NAME, type CaptureCommand, type CaptureMessage, type CaptureProcessorOptions } from "./worklets/messages.js";

export interface CaptureOptions {
  /** The rate the frames must have: the session's input rate (`session.audio.input.sampleRate`). */
  sampleRate: number;
  /** Frame length in ms. Default 20. */
  frameMs?: number;
  /** Resampler preset (core's `fast`, `voice`, `high`). Default `voice`. */
  quality?: ResamplerQuality;
  /** Each frame: PCM16 mono at `sampleRate`, `frameSamples` long, owned by the callee. */
  onFrame(frame: Int16Array, level: Level): void;
  /** The processor failed after it started. */
  onError?(error: VoxwireError): void;
  workletUrls?: WorkletModuleUrls;
}

export interface Capture {
  readonly node: AudioWorkletNode;
  /** The rate the AudioContext really runs at (what the microphone blocks arrive at). */
  readonly inputRate: number;
  /** The frames' rate. */
  readonly sampleRate: number;
  readonly frameSamples: number;
  /** The resampler's inner loop in the worklet: `wasm`, `js`, or `passthrough` when the rates are equal. */
  readonly backend: string;
  /** Frames delivered so far. */
  readonly frames: number;
  /** Disconnects the node and ends its processor. Idempotent. */
  stop(): void;
}

/**
 * Captures `source` (a microphone's MediaStreamAudioSourceNode, or any node) on the audio thread:
 * resampled from the context's real rate to `sampleRate` by core's streaming resampler inside the
 * worklet, cut into frames, and handed over as transferred buffers. Resolves once the processor
 * is running; rejects with a typed error when it cannot start.
 */
export async function createCapture(context: BaseAudioContext, source: AudioNode, options: CaptureOptions): Promise<Capture> {
  if (options === null || typeof options !== "object") throw new ConfigError("createCapture() needs { sampleRate, onFrame }");
  const { sampleRate, frameMs = 20, quality = "voice" } = options;
  if (!Number.isInteger(sampleRate) || sampleRate < 1000)
    throw new ConfigError(`capture needs an integer sampleRate in Hz, got ${String(sampleRate)}`);
  if (typeof options.onFrame !== "function") throw new ConfigError("capture needs an onFrame callback");
  await loadWorkletModules(context, options.workletUrls);
  const processorOptions: CaptureProcessorOptions = { sampleRate, frameMs, quality };
  // Mono in, explicitly: the browser down-mixes a stereo microphone before the processor sees it.
  const node = new AudioWorkletNode(context, CAPTURE_PROCESSOR_NAME, {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 1,
    channelCountMode: "explicit",
    channelInterpretation: "speakers",
    processorOptions,
  });

  let frames = 0;
  let stopped = false;
  const ready = new Promise<Extract<CaptureMessage, { type: "ready" }>>((resolve, reject) => {
    node.port.onmessage = (event: MessageEvent<CaptureMessage>) => {
      const message = event.data;
      if (message.type === "frame") {
        frames++;
        options.onFrame(new Int16Array(message.pcm), { peak: message.peak, rms: message.rms });
      } else if (message.type === "ready") {
        resolve(message);
      } else if (message.type === "error") {
        const error =
          message.code === "invalid_config"
            ? new ConfigError(`capture: ${message.message}`)
            : new AudioUnavailableError(`capture: ${message.message}`);
        reject(error);
        options.onError?.(error);
      }
    };
    node.onprocessorerror = () => {
      const error = new AudioUnavailableError("the capture processor failed on the audio thread");
      reject(error);
      options.onError?.(error);
    };
  });
  source.connect(node);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    node.port.postMessage({ type: "stop" } satisfies CaptureCommand);
    node.port.onmessage = null;
    try {
      source.disconnect(node);
    } catch {
      // already disconnected (the context closed)
    }
  };

  let info: Extract<CaptureMessage, { type: "ready" }>;
  try {
    info = await ready;
  } catch (error) {
    stop();
    throw VoxwireError.isInstance(error) ? error : new AudioUnavailableError("the capture processor did not start", { cause: error });
  }
  return {
    node,
    inputRate: info.inputRate,
    sampleRate: info.outputRate,
    frameSamples: info.frameSamples,
    backend: info.backend,
    get frames() {
      return frames;
    },
    stop,
  };
}
