/** A bootstrap answer's body is refused past this (a token answer is a few hundred bytes). */
export const DEFAULT_MAX_BODY_BYTES = 1 << 20;

/**
 * Reads a fetch response's body as UTF-8, never more than `maxBytes`: past it the stream is
 * cancelled and `truncated` is true (the text then holds the first `maxBytes`). `response.text()`
 * would buffer an endless body until memory runs out. Aborting the fetch's signal ends the read.
 */
export async function readResponseText(response: Response, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<{ text: string; truncated: boolean }> {
  const body = response.body;
  if (!body) return { text: "", truncated: false };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: text + decoder.decode(), truncated: false };
    const room = maxBytes - bytes;
    if (value.byteLength > room) {
      text += decoder.decode(value.subarray(0, room));
      reader.cancel().catch(() => {});
      return { text, truncated: true };
    }
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}
