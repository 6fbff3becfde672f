/*
 * The AudioWorkletGlobalScope as the processors use it. TypeScript's DOM library has no types for
 * it (they live in a separate lib that conflicts with DOM), so the few globals are typed here and
 * read from globalThis; a Node test installs the same globals to run the processors.
 */

/** The base class every processor extends: it only provides the port. */
export interface AudioWorkletProcessorLike {
  readonly port: MessagePort;
}

export interface ProcessorConstructionOptions<P> {
  processorOptions?: P;
}

export type ProcessorClass = new (
  options: never,
) => AudioWorkletProcessorLike & {
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
};

export interface WorkletScope {
  AudioWorkletProcessor: new () => AudioWorkletProcessorLike;
  registerProcessor(name: string, processor: ProcessorClass): void;
  /** The rate the AudioContext really runs at. */
  readonly sampleRate: number;
  /** Frames rendered so far by the context. */
  readonly currentFrame: number;
}

export function workletScope(): WorkletScope {
  return globalThis as unknown as WorkletScope;
}
