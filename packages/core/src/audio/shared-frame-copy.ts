import { slabInt16 } from "./audio-slab.js";

/**
 * The framers' `sharedBuffers` copy: `source[start, end)` in a slab chunk (audio-slab.ts), a view
 * where `slice` would allocate an ArrayBuffer of its own. A bridge pays that 50 times a second per
 * call and leg; a page (shared-frame-copy.browser.ts) does not carry the code for it.
 */
export function sharedFrameCopy(source: Int16Array, start: number, end: number): Int16Array<ArrayBuffer> {
  const chunk = slabInt16(end - start);
  chunk.set(source.subarray(start, end));
  return chunk;
}
