/**
 * One WebSocket message as it crosses the wire: a text frame is a `string`, a binary frame a
 * `Uint8Array`. Kept as a bare union (no wrapper object) so the audio path allocates nothing
 * per frame to describe it.
 */
export type WireFrame = string | Uint8Array;

/** True when the frame is a binary message. */
export function isBinaryFrame(frame: WireFrame): frame is Uint8Array {
  return typeof frame !== "string";
}
