import { open } from "node:fs/promises";

/**
 * Where a call's recording goes. The recorder writes the WAV in order, one `write` at a time:
 * a provisional header (sizes unknown), then the samples; `finish` gives the final header
 * (which replaces the first 44 bytes where the sink can seek) and the cue chunks to append.
 */
export interface RecordingSink {
  write(chunk: Uint8Array): Promise<void>;
  finish(header: Uint8Array, trailer: Uint8Array): Promise<void>;
}

/** A sink that writes a WAV file at `path` (created or truncated), its header fixed at the end. */
export function fileSink(path: string): RecordingSink {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  let at = 0;
  const opened = () => (handle ? Promise.resolve(handle) : open(path, "w").then((h) => (handle = h)));
  return {
    async write(chunk) {
      const h = await opened();
      await h.write(chunk, 0, chunk.length, at);
      at += chunk.length;
    },
    async finish(header, trailer) {
      const h = await opened();
      try {
        if (trailer.length > 0) await h.write(trailer, 0, trailer.length, at);
        await h.write(header, 0, header.length, 0);
      } finally {
        await h.close();
      }
    },
  };
}
