import { AudioDataError } from "../errors/error-classes.js";

/** Raised when a caller's output buffer cannot hold the result: a programming error, not bad data. */
export function checkOutputLength(out: ArrayLike<number>, needed: number, what: string): void {
  if (out.length < needed) {
    throw new RangeError(`${what}: output buffer holds ${out.length} samples, ${needed} needed`);
  }
}

export function oddByteCountError(byteLength: number): AudioDataError {
  return new AudioDataError(`PCM16 needs an even byte count, got ${byteLength} bytes`);
}
