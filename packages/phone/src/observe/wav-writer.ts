/*
 * RIFF/WAVE pieces for a PCM16 recording written as it goes: a 44-byte header (sizes patched
 * once the length is known), and the cue points with their labels (`cue ` and `LIST`/`adtl`
 * `labl` chunks) that follow the data. Formats per the RIFF WAVE specification (Microsoft/IBM
 * Multimedia Programming Interface and Data Specifications 1.0, 1991).
 */

/** Bytes before the first sample. */
export const WAV_HEADER_BYTES = 44;

/** A cue point: a sample frame position and its label. */
export interface WavCue {
  /** Position in sample frames from the start of the data. */
  readonly position: number;
  readonly label: string;
}

/** The 44-byte header of a PCM16 WAV; `dataBytes` and `trailerBytes` (the cue chunks after the data) fix the sizes. */
export function wavHeader(channels: number, sampleRate: number, dataBytes: number, trailerBytes = 0): Uint8Array {
  const out = new Uint8Array(WAV_HEADER_BYTES);
  const view = new DataView(out.buffer);
  ascii(out, 0, "RIFF");
  view.setUint32(4, 36 + dataBytes + (dataBytes & 1) + trailerBytes, true);
  ascii(out, 8, "WAVE");
  ascii(out, 12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  ascii(out, 36, "data");
  view.setUint32(40, dataBytes, true);
  return out;
}

/** The `cue ` chunk and the `LIST`/`adtl` chunk of `labl`s that name each cue; empty without cues. */
export function wavCueChunks(cues: readonly WavCue[]): Uint8Array {
  if (cues.length === 0) return new Uint8Array(0);
  const encoder = new TextEncoder();
  const labels = cues.map((cue) => encoder.encode(`${cue.label}\0`));
  const cueBytes = 12 + cues.length * 24;
  const lablBytes = labels.reduce((n, text) => n + 8 + 4 + text.length + (text.length & 1), 0);
  const out = new Uint8Array(cueBytes + 12 + lablBytes);
  const view = new DataView(out.buffer);
  ascii(out, 0, "cue ");
  view.setUint32(4, cueBytes - 8, true);
  view.setUint32(8, cues.length, true);
  cues.forEach((cue, i) => {
    const at = 12 + i * 24;
    view.setUint32(at, i + 1, true); // cue id
    view.setUint32(at + 4, cue.position, true);
    ascii(out, at + 8, "data");
    view.setUint32(at + 12, 0, true); // chunk start
    view.setUint32(at + 16, 0, true); // block start
    view.setUint32(at + 20, cue.position, true); // sample offset
  });
  let at = cueBytes;
  ascii(out, at, "LIST");
  view.setUint32(at + 4, 4 + lablBytes, true);
  ascii(out, at + 8, "adtl");
  at += 12;
  labels.forEach((text, i) => {
    ascii(out, at, "labl");
    view.setUint32(at + 4, 4 + text.length, true);
    view.setUint32(at + 8, i + 1, true);
    out.set(text, at + 12);
    at += 12 + text.length + (text.length & 1);
  });
  return out;
}

/** A WAV's parts, read back (what tests and tools need): format, samples, cues. Throws on a file that is not PCM16 WAV. */
export function parseWav(bytes: Uint8Array): { channels: number; sampleRate: number; samples: Int16Array; cues: WavCue[] } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < WAV_HEADER_BYTES || tag(0) !== "RIFF" || tag(8) !== "WAVE") throw new TypeError("not a RIFF/WAVE file");
  let channels = 0;
  let sampleRate = 0;
  let samples = new Int16Array(0);
  const positions = new Map<number, number>();
  const labels = new Map<number, string>();
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    const body = at + 8;
    if (id === "fmt ") {
      if (view.getUint16(body, true) !== 1 || view.getUint16(body + 14, true) !== 16) throw new TypeError("not PCM16");
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
    } else if (id === "data") {
      // A copy (a Node Buffer's slice would share its pool): little-endian samples, read as such.
      const data = bytes.subarray(body, Math.min(body + size, bytes.length));
      samples = new Int16Array(data.length >> 1);
      const dataView = new DataView(data.buffer, data.byteOffset, data.byteLength);
      for (let i = 0; i < samples.length; i++) samples[i] = dataView.getInt16(i * 2, true);
    } else if (id === "cue ") {
      const n = view.getUint32(body, true);
      for (let i = 0; i < n; i++) positions.set(view.getUint32(body + 4 + i * 24, true), view.getUint32(body + 4 + i * 24 + 4, true));
    } else if (id === "LIST" && tag(body) === "adtl") {
      let sub = body + 4;
      while (sub + 8 <= body + size) {
        const subSize = view.getUint32(sub + 4, true);
        if (tag(sub) === "labl") {
          const text = new TextDecoder().decode(bytes.subarray(sub + 12, sub + 8 + subSize)).replace(/\0+$/, "");
          labels.set(view.getUint32(sub + 8, true), text);
        }
        sub += 8 + subSize + (subSize & 1);
      }
    }
    at = body + size + (size & 1);
  }
  const cues = [...positions].map(([id, position]) => ({ position, label: labels.get(id) ?? "" }));
  return { channels, sampleRate, samples, cues };
}

function ascii(out: Uint8Array, at: number, text: string): void {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
}
