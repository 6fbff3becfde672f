import { AudioDataError, ConfigError, createResampler, type Resampler, type ResamplerQuality, type VoxwireError } from "@voxwire/core";
import { AudioUnavailableError } from "./audio-unavailable-error.js";
import { emptyPlaybackStats, type PlaybackStats, toPlaybackStats } from "./playback-stats.js";
import { loadWorkletModules, type WorkletModuleUrls } from "./worklet-modules.js";
import { PLAYBACK_PROCESSOR_NAME, type PlaybackCommand, type PlaybackMessage, type PlaybackProcessorOptions } from "./worklets/messages.js";

export interface PlayerOptions {
  /** The most agent audio the ring holds; more is refused and counted as an overrun. Default 20 000 ms. */
  maxBufferedMs?: number;
  /** Jitter cushion gathered before a new utterance starts playing (never a longer wait). Default 40 ms. */
  prebufferMs?: number;
  /** A dry spell up to this long inside speech counts as an underrun; longer is a pause. Default 300 ms. */
  underrunGapMs?: number;
  /** How often the worklet reports position, counters and level. Default 50 ms. */
  reportIntervalMs?: number;
  /** Resampler preset for audio whose rate differs from the context's. Default `voice`. */
  quality?: ResamplerQuality;
  /** Where the node plays to. Default: the context's destination; `null` leaves it unconnected. */
  destination?: AudioNode | null;
  onReport?(stats: PlaybackStats, reason: "tick" | "clear" | "request"): void;
  onError?(error: VoxwireError): void;
  workletUrls?: WorkletModuleUrls;
}

export interface Player {
  readonly node: AudioWorkletNode;
  /** The context's rate: what the ring plays at. */
  readonly sampleRate: number;
  /** The latest report. */
  readonly stats: PlaybackStats;
  /**
   * Queues agent audio: PCM16 (or floats in [−1, 1]) at `sampleRate` (default: the context's).
   * Other rates go through core's streaming resampler here, on the main thread. Never blocks.
   */
  push(audio: Int16Array | Float32Array, sampleRate?: number): void;
  /** Barge-in: drops everything queued; resolves with the report made the moment the ring was emptied. */
  clear(): Promise<PlaybackStats>;
  /** A fresh report from the worklet. */
  report(): Promise<PlaybackStats>;
  /** Disconnects the node and ends its processor; pending promises resolve with the last stats. Idempotent. */
  close(): void;
}

const DEFAULTS = { maxBufferedMs: 20_000, prebufferMs: 40, underrunGapMs: 300, reportIntervalMs: 50 };

/**
 * Plays agent audio through the playback worklet: one Float32 ring on the audio thread, O(1)
 * clear, position and counters reported back. Audio at another rate than the context's is
 * resampled here on the main thread rather than in the worklet: agent audio comes in bursts
 * faster than real time, and converting a burst must never eat into a render quantum's budget;
 * the main thread has slack, the audio thread has 2.7 ms per quantum.
 */
export async function createPlayer(context: BaseAudioContext, options: PlayerOptions = {}): Promise<Player> {
  const rate = context.sampleRate;
  const ms = (name: keyof typeof DEFAULTS, min: number): number => {
    const value = options[name] ?? DEFAULTS[name];
    if (typeof value !== "number" || !Number.isFinite(value) || value < min)
      throw new ConfigError(`player option ${name} must be a number ≥ ${min}, got ${String(value)}`);
    return value;
  };
  const processorOptions: PlaybackProcessorOptions = {
    capacitySamples: Math.ceil((ms("maxBufferedMs", 1) * rate) / 1000),
    prebufferSamples: Math.round((ms("prebufferMs", 0) * rate) / 1000),
    underrunGapSamples: Math.round((ms("underrunGapMs", 0) * rate) / 1000),
    reportEverySamples: Math.max(128, Math.round((ms("reportIntervalMs", 1) * rate) / 1000)),
  };
  const quality = options.quality ?? "voice";
  await loadWorkletModules(context, options.workletUrls);
  const node = new AudioWorkletNode(context, PLAYBACK_PROCESSOR_NAME, {
    numberOfInputs: 0,
    numberOfOutputs: 1,
    outputChannelCount: [1],
    processorOptions,
  });
  if (options.destination !== null) node.connect(options.destination ?? context.destination);

  let stats = emptyPlaybackStats(rate);
  let closed = false;
  let nextId = 1;
  const requests = new Map<number, (stats: PlaybackStats) => void>();
  const clears: ((stats: PlaybackStats) => void)[] = [];
  const resamplers = new Map<number, Resampler>();
  const post = (command: PlaybackCommand, transfer: Transferable[] = []) => {
    if (!closed) node.port.postMessage(command, transfer);
  };

  node.port.onmessage = (event: MessageEvent<PlaybackMessage>) => {
    const message = event.data;
    if (message.type === "error") {
      options.onError?.(
        message.code === "invalid_audio"
          ? new AudioDataError(`playback: ${message.message}`)
          : new AudioUnavailableError(`playback: ${message.message}`),
      );
      return;
    }
    stats = toPlaybackStats(message.snapshot);
    if (message.reason === "clear") clears.shift()?.(stats);
    if (message.reason === "request" && message.id !== undefined) {
      requests.get(message.id)?.(stats);
      requests.delete(message.id);
    }
    options.onReport?.(stats, message.reason);
  };
  node.onprocessorerror = () => options.onError?.(new AudioUnavailableError("the playback processor failed on the audio thread"));

  const settleAll = () => {
    for (const resolve of requests.values()) resolve(stats);
    requests.clear();
    for (const resolve of clears.splice(0)) resolve(stats);
  };

  return {
    node,
    sampleRate: rate,
    get stats() {
      return stats;
    },
    push(audio, sampleRate = rate) {
      if (!(audio instanceof Int16Array) && !(audio instanceof Float32Array))
        throw new AudioDataError("player.push takes an Int16Array or a Float32Array");
      if (closed || audio.length === 0) return;
      let samples: Int16Array | Float32Array = audio;
      if (sampleRate !== rate) {
        let resampler = resamplers.get(sampleRate);
        if (resampler === undefined) {
          resampler = createResampler(sampleRate, rate, { quality });
          resamplers.set(sampleRate, resampler);
        }
        samples = resampler.push(audio);
        if (samples.length === 0) return;
      } else {
        // A copy: the caller keeps its array, ours is transferred.
        samples = audio.slice();
      }
      const buffer = samples.buffer as ArrayBuffer;
      post({ type: "push", pcm: buffer, format: samples instanceof Int16Array ? "int16" : "float32" }, [buffer]);
    },
    clear() {
      // The resamplers' history belongs to the audio just dropped.
      for (const resampler of resamplers.values()) resampler.reset();
      if (closed) return Promise.resolve(stats);
      return new Promise((resolve) => {
        clears.push(resolve);
        post({ type: "clear" });
      });
    },
    report() {
      if (closed) return Promise.resolve(stats);
      const id = nextId++;
      return new Promise((resolve) => {
        requests.set(id, resolve);
        post({ type: "report", id });
      });
    },
    close() {
      if (closed) return;
      post({ type: "stop" });
      closed = true;
      node.port.onmessage = null;
      try {
        node.disconnect();
      } catch {
        // the context is already closed
      }
      settleAll();
    },
  };
}
