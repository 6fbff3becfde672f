// The capture AudioWorklet module. Bundled with core's resampler into one self-contained script
// (scripts/worklet-bundles.ts) that the build inlines as CAPTURE_WORKLET_SOURCE; never imported by the main thread.
import { CaptureCore } from "./capture-core.js";
import { CAPTURE_PROCESSOR_NAME, type CaptureCommand, type CaptureMessage, type CaptureProcessorOptions } from "./messages.js";
import { type ProcessorConstructionOptions, workletScope } from "./worklet-scope.js";

const scope = workletScope();

/** Microphone → session frames on the audio thread: resampled, framed, posted as transferred buffers. */
class VoxwireCaptureProcessor extends scope.AudioWorkletProcessor {
  readonly #core: CaptureCore | undefined;
  #stopped = false;

  constructor(options: ProcessorConstructionOptions<CaptureProcessorOptions>) {
    super();
    const o = options.processorOptions;
    try {
      this.#core = new CaptureCore(
        { inputRate: scope.sampleRate, outputRate: o?.sampleRate ?? Number.NaN, frameMs: o?.frameMs ?? 20, quality: o?.quality ?? "voice" },
        (frame, peak, rms) => this.#post({ type: "frame", pcm: frame.buffer as ArrayBuffer, peak, rms }, [frame.buffer as ArrayBuffer]),
      );
    } catch (error) {
      this.#stopped = true;
      this.#post({ type: "error", code: codeOf(error), message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.port.onmessage = (event: MessageEvent<CaptureCommand>) => {
      if (event.data?.type === "stop") this.#stopped = true;
    };
    const core = this.#core;
    this.#post({
      type: "ready",
      inputRate: core.inputRate,
      outputRate: core.outputRate,
      frameSamples: core.frameSamples,
      backend: core.resampler.backend,
    });
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.#stopped) return false;
    // A stopped or muted track gives no channels: nothing to frame until it comes back.
    const channel = inputs[0]?.[0];
    if (channel !== undefined) this.#core!.process(channel);
    return true;
  }

  #post(message: CaptureMessage, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "audio_unavailable";
}

scope.registerProcessor(CAPTURE_PROCESSOR_NAME, VoxwireCaptureProcessor);
