/*
 * Frames transcribed from the vendor document, the Orbitali guide (docs/sources.md: "Orbitali
 * Docs — Browser Voice Sessions"), whitespace as printed. The document cuts its sample payloads short with "...":
 * the frames keep them as printed (so they are not valid base64), and the `*Prefix` payloads
 * are the same samples without the "...".
 */

/** Step 1, the realtime-sessions response. */
export const REALTIME_SESSION_RESPONSE = `{
  "token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
  "expiresAt": "2026-06-24T12:01:00.000Z",
  "websocketUrl": "wss://agent.orbitali.ai/ws/agents/9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9?token=eyJhbGciOi...",
  "protocol": {
    "inputAudio": { "encoding": "pcm16", "sampleRate": 16000 },
    "outputAudio": { "encoding": "pcm16", "sampleRate": 24000 }
  }
}`;

/** The agent id of the document's curl example. */
export const SEED_AGENT_ID = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";

/** Sending Audio (Client → Server). */
export const INPUT_AUDIO = `{
  "type": "input_audio",
  "audio": "//uQRAAM0M503..."
}`;

/** Receiving Audio (Server → Client). */
export const OUTPUT_AUDIO = `{
  "type": "output_audio",
  "audio": "Z3g1eHJ5...",
  "encoding": "pcm16",
  "sampleRate": 24000
}`;

/** `Z3g1eHJ5` without the "...": 6 bytes, 3 PCM16 samples (little-endian "gx", "5x", "ry"). */
export const OUTPUT_AUDIO_PREFIX = "Z3g1eHJ5";
export const OUTPUT_AUDIO_PREFIX_SAMPLES = [0x7867, 0x7835, 0x7972];

/** `//uQRAAM0M503` without the "..." is 13 characters (never base64); its first 12 are 9 bytes (odd for PCM16). */
export const INPUT_AUDIO_PREFIX = "//uQRAAM0M50";

export const CLEAR = `{ "type": "clear" }`;
export const SESSION_STARTED = `{ "type": "session.started", "callId": "call_uuid" }`;
export const TRANSCRIPT = `{ "type": "transcript", "role": "assistant", "text": "Hello, how can I help?" }`;

/** What the document's `stopSession()` sends. */
export const STOP = JSON.stringify({ type: "stop" });
