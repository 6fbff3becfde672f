// The playback AudioWorklet module, bundled into one self-contained script (scripts/worklet-bundles.ts)
// that the build inlines as PLAYBACK_WORKLET_SOURCE; never imported by the main thread.
import { LevelMeter } from "./level.js";
import type { PlaybackCommand, PlaybackMessage, PlaybackProcessorOptions, PlaybackSnapshot } from "./messages.js";
import { PLAYBACK_PROCESSOR_NAME } from "./messages.js";
import { PlaybackRing } from "./playback-ring.js";
import { type ProcessorConstructionOptions, workletScope } from "./worklet-scope.js";

const scope = workletScope();

/**
 * Agent audio → speakers. Commands arrive between render quanta, so a `clear` empties the ring
 * before the next quantum is rendered; every clear is answered with a report at once.
 */
class VoxwirePlaybackProcessor extends scope.AudioWorkletProcessor {
  readonly #ring: PlaybackRing | undefined;
  readonly #meter = new LevelMeter();
  readonly #reportEvery: number;
  #sinceReport = 0;
  #stopped = false;

  constructor(options: ProcessorConstructionOptions<PlaybackProcessorOptions>) {
    super();
    const o = options.processorOptions;
    const rate = scope.sampleRate;
    this.#reportEvery = Math.max(1, o?.reportEverySamples ?? Math.round(rate / 20));
    try {
      this.#ring = new PlaybackRing({
        capacity: o?.capacitySamples ?? rate * 20,
        prebufferSamples: o?.prebufferSamples ?? 0,
        underrunGapSamples: o?.underrunGapSamples ?? 0,
      });
    } catch (error) {
      this.#stopped = true;
      this.#post({ type: "error", code: "invalid_config", message: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.port.onmessage = (event: MessageEvent<PlaybackCommand>) => {
      try {
        this.#command(event.data);
      } catch (error) {
        // A malformed command (an odd-length PCM16 buffer) is reported; the ring plays on.
        this.#post({ type: "error", code: "invalid_audio", message: error instanceof Error ? error.message : String(error) });
      }
    };
  }

  process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (this.#stopped) return false;
    const output = outputs[0];
    const channel = output?.[0];
    if (output === undefined || channel === undefined) return true;
    this.#ring!.read(channel);
    for (let c = 1; c < output.length; c++) output[c]!.set(channel);
    this.#meter.addFloat32(channel);
    this.#sinceReport += channel.length;
    if (this.#sinceReport >= this.#reportEvery) this.#report("tick");
    return true;
  }

  #command(command: PlaybackCommand): void {
    const ring = this.#ring!;
    switch (command?.type) {
      case "push":
        ring.write(command.format === "float32" ? new Float32Array(command.pcm) : new Int16Array(command.pcm));
        return;
      case "clear":
        ring.clear();
        this.#report("clear");
        return;
      case "report":
        this.#report("request", command.id);
        return;
      case "stop":
        this.#stopped = true;
        return;
    }
  }

  #report(reason: "tick" | "clear" | "request", id?: number): void {
    this.#sinceReport = 0;
    const { peak, rms } = this.#meter.take();
    const snapshot: PlaybackSnapshot = { ...this.#ring!.counters(), sampleRate: scope.sampleRate, frame: scope.currentFrame, peak, rms };
    this.#post(id === undefined ? { type: "report", reason, snapshot } : { type: "report", reason, id, snapshot });
  }

  #post(message: PlaybackMessage): void {
    this.port.postMessage(message);
  }
}

scope.registerProcessor(PLAYBACK_PROCESSOR_NAME, VoxwirePlaybackProcessor);
