// Frames transcribed from the token-first guide (docs/sources.md; the vendor's "Voice API"
// guide): step 1's token call, step 2's first message and the server events its `switch`
// handles, and step 3's 640-byte microphone frames. Field values the guide leaves open (the
// token, the error code and message) are placeholders; the shapes are the guide's.

/** Step 2: `ws.send(JSON.stringify({ token }))` for `token = "tok_example"`. */
export const SEED_TOKEN_FRAME = '{"token":"tok_example"}';

/** Step 1: `const { token, ws_url } = await response.json();` */
export const SEED_TOKEN_RESPONSE = '{"token":"tok_example","ws_url":"wss://your-api-url.com/ws"}';

/** Step 2, `case 'connected'`: "Session is ready — start sending mic audio". */
export const SEED_CONNECTED = '{"type":"connected"}';
/** Step 2, `case 'agent_ready'`: "AI agent is listening and responding". */
export const SEED_AGENT_READY = '{"type":"agent_ready"}';
/** Step 2, `case 'session_ended'`: `msg.reason: 'agent_disconnected' | 'session_closed' | 'server_shutdown'`. */
export const SEED_SESSION_ENDED = {
  agent_disconnected: '{"type":"session_ended","reason":"agent_disconnected"}',
  session_closed: '{"type":"session_ended","reason":"session_closed"}',
  server_shutdown: '{"type":"session_ended","reason":"server_shutdown"}',
} as const;
/** Step 2, `case 'error'`: `msg.code + msg.message` (values not published; these are the simulator's). */
export const SEED_ERROR = '{"type":"error","code":"token_expired","message":"the token expired before it was presented"}';

/** Step 3: "send 640-byte frames": 320 Int16 samples, little-endian. */
export function seedAudioFrame(fill: (i: number) => number = (i) => i * 100 - 16000): Uint8Array {
  const samples = new Int16Array(320);
  for (let i = 0; i < 320; i++) samples[i] = fill(i);
  return new Uint8Array(samples.buffer);
}
