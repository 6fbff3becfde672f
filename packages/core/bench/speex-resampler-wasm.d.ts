/* The speexdsp resampler compiled with Emscripten ships no types: the part the benchmark uses. */
declare module "@echogarden/speex-resampler-wasm/simd" {
  export interface SpeexModule {
    HEAP16: Int16Array;
    HEAPF32: Float32Array;
    HEAPU32: Uint32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    _speex_resampler_init(channels: number, inRate: number, outRate: number, quality: number, errPointer: number): number;
    _speex_resampler_destroy(state: number): void;
    _speex_resampler_process_int(state: number, channel: number, input: number, inLength: number, output: number, outLength: number): number;
    _speex_resampler_process_float(state: number, channel: number, input: number, inLength: number, output: number, outLength: number): number;
    _speex_resampler_get_input_latency(state: number): number;
  }
  const createSpeexModule: () => Promise<SpeexModule>;
  export default createSpeexModule;
}
