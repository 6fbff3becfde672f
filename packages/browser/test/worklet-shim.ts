// A tiny AudioWorkletGlobalScope for Node: enough to construct a registered processor, drive its
// process() by hand and see what it posts. The code under test runs in this realm (so typed
// arrays are the same classes on both sides).
import { runInThisContext } from "node:vm";

export interface Posted {
  message: unknown;
  transfer: Transferable[];
}

/** The port a processor sees: records what it posts; `send` delivers a command to it. */
export class FakePort {
  readonly posted: Posted[] = [];
  onmessage: ((event: { data: unknown }) => void) | null = null;
  postMessage(message: unknown, transfer: Transferable[] = []): void {
    this.posted.push({ message, transfer });
  }
  send(data: unknown): void {
    this.onmessage?.({ data });
  }
  /** Messages of one type, in order. */
  of<T>(type: string): T[] {
    return this.posted.map((p) => p.message as { type: string }).filter((m) => m.type === type) as T[];
  }
}

export interface ShimProcessor {
  readonly port: FakePort;
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}

type ShimProcessorClass = new (options: { processorOptions?: unknown }) => ShimProcessor;

/** Evaluates a worklet module's source in a scope running at `sampleRate`; returns its processors by name. */
export function loadWorkletSource(
  source: string,
  sampleRate: number,
): { processors: Map<string, ShimProcessorClass>; scope: { currentFrame: number } } {
  const processors = new Map<string, ShimProcessorClass>();
  const scope = { currentFrame: 0 };
  const g = globalThis as Record<string, unknown>;
  g.AudioWorkletProcessor = class {
    readonly port = new FakePort();
  };
  g.registerProcessor = (name: string, processor: ShimProcessorClass) => processors.set(name, processor);
  Object.defineProperty(g, "sampleRate", { value: sampleRate, configurable: true, writable: true });
  Object.defineProperty(g, "currentFrame", { get: () => scope.currentFrame, configurable: true });
  runInThisContext(source);
  return { processors, scope };
}
