/*
 * Decoded chunks as views into shared slabs. On V8 a typed array over 64 bytes gets a backing
 * store of its own, which costs more than decoding a whole 20 ms frame (≈ 0.5 µs against ≈ 40 ns
 * for a view); a receive path that decodes 50 frames a second per call pays that on every one.
 * Chunks never overlap, and a slab is collected with its last view, as Node's Buffer pool does.
 */

const SLAB_BYTES = 16 * 1024;
/** Larger chunks get their own buffer: one long-lived chunk should not pin a mostly empty slab. */
const MAX_SLAB_CHUNK_BYTES = SLAB_BYTES / 4;

let slab = new ArrayBuffer(0);
let slabBytes = new Uint8Array(slab);
let used = 0;

/** A fresh PCM16 chunk of `samples` samples; it may share its ArrayBuffer with other chunks. */
export function slabInt16(samples: number): Int16Array<ArrayBuffer> {
  const bytes = samples * 2;
  if (bytes > MAX_SLAB_CHUNK_BYTES) return new Int16Array(samples);
  if (used + bytes > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabBytes = new Uint8Array(slab);
    used = 0;
  }
  const chunk = new Int16Array(slab, used, samples);
  used += (bytes + 7) & ~7; // 8-byte aligned: any typed view of a chunk lines up
  return chunk;
}

/** The bytes of the slab `chunk` lives in (the same array while the slab is current), or a view of the chunk's own buffer. */
export function bytesOfSlab(chunk: Int16Array): Uint8Array {
  return chunk.buffer === slab ? slabBytes : new Uint8Array(chunk.buffer, 0, chunk.buffer.byteLength);
}
