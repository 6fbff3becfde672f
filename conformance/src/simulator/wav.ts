import { pcm16FromBytesCopy, pcm16ToBytes } from "@voxwire/core";

export interface WavPcm16 {
  sampleRate: number;
  samples: Int16Array;
}

/**
 * Reads a mono PCM16 WAV (what scripts/make-agent-clips.sh writes): walks the RIFF chunks for
 * `fmt ` and `data`, and refuses anything else with a message naming the file.
 */
export function parseWavPcm16(bytes: Uint8Array, name: string): WavPcm16 {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new Error(`${name}: not a RIFF/WAVE file`);
  let sampleRate: number | undefined;
  for (let offset = 12; offset + 8 <= bytes.byteLength; ) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === "fmt ") {
      const format = view.getUint16(body, true);
      const channels = view.getUint16(body + 2, true);
      const bits = view.getUint16(body + 14, true);
      if (format !== 1 || channels !== 1 || bits !== 16)
        throw new Error(`${name}: expected mono 16-bit PCM (format ${format}, ${channels} ch, ${bits} bit)`);
      sampleRate = view.getUint32(body + 4, true);
    } else if (id === "data") {
      if (sampleRate === undefined) throw new Error(`${name}: data chunk before fmt chunk`);
      const end = Math.min(body + size, bytes.byteLength) & ~1;
      return { sampleRate, samples: pcm16FromBytesCopy(bytes.subarray(body, end), new Int16Array((end - body) >> 1)) };
    }
    offset = body + size + (size & 1); // chunks are word-aligned
  }
  throw new Error(`${name}: no data chunk`);
}

/** A mono PCM16 WAV file (44-byte header) holding `samples` at `sampleRate`. */
export function writeWavPcm16(samples: Int16Array, sampleRate: number): Uint8Array {
  const dataBytes = samples.length * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  out.set(pcm16ToBytes(samples), 44);
  return out;
}
