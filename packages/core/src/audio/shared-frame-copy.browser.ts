/** In a page, `sharedBuffers` frames are plain slices: one session's 50 frames a second are not worth the bytes (see shared-frame-copy.ts). */
export function sharedFrameCopy(source: Int16Array, start: number, end: number): Int16Array<ArrayBuffer> {
  return source.slice(start, end) as Int16Array<ArrayBuffer>;
}
