// "Relay": a made-up wire for conformance's own tests, with every spec v2 capability, so each live
// scenario has a dialect to run on. JSON text frames, base64 PCM16 at 16 kHz both ways, the key in
// the subprotocol `relay-key.<KEY>` (close 4401 when wrong).
//   vendor → client: ready {…ids}, audio {audio, turn}, clear {turn}, transcript {role, text, turn},
//                    call {id, name, args: JSON text}, cancel {ids}, vad {state: start | stop}
//   client → vendor: setup {agent} (first), update {agent}, audio {audio}, text {text},
//                    result {id, output, error}, heard {turn, ms}, keepalive {}
import { AudioDataError, base64Decode, base64Encode, pcm16FromBytes, pcm16ToBytes } from "@voxwire/core";

export const RELAY = "relay";
export const RELAY_PATH = "/v1/relay";
export const RELAY_KEY_PREFIX = "relay-key.";
export const RELAY_RATE = 16000;
export const RELAY_BAD_KEY_CLOSE = 4401;

/** Ways to break the client codec, one scenario each (a broken dialect must fail it). */
export type RelayFault =
  /** `tool-result` goes nowhere. */
  | "no-tool-result"
  /** A call's arguments are handed on as the wire's JSON text, not parsed. */
  | "unparsed-arguments"
  /** `text-send` goes nowhere. */
  | "no-text"
  /** The heard time goes out in samples at 16 kHz where the wire wants ms. */
  | "heard-in-samples"
  /** The opening setup leaves the tools out. */
  | "setup-without-tools"
  /** A keepalive rides along with every audio frame, though the keepalive is declared idle-only. */
  | "keepalive-with-audio";

export const encodeAudio = (samples: Int16Array): string => base64Encode(pcm16ToBytes(samples));

export function decodeAudio(audio: unknown): Int16Array | AudioDataError {
  if (typeof audio !== "string") return new AudioDataError('an audio message has no base64 "audio" string', { dialect: RELAY });
  try {
    return pcm16FromBytes(base64Decode(audio));
  } catch (cause) {
    return new AudioDataError("an audio message's payload is not base64 PCM16", { dialect: RELAY, cause });
  }
}

export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
