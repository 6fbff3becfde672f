// The golden files of token-first (the token-first guide, docs/sources.md): conformance/golden/token-first/, written
// by ../make-golden.mjs.
import { binaryAudioLines, ended, error, inBinary, inText, notJson, outText, TOLERANCE } from "./shared.mjs";

export const dialect = "token-first";

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const GUIDE = "token-first guide";
  const fmt = { encoding: "pcm16", sampleRate: 16000, frameMs: 20 };
  const header = (title, source) => ({ title, source, target: { url: "https://your-api-url.com" }, audio: { outbound: fmt, inbound: fmt } });
  const TOKEN = "tf_example_token";
  const WS = "wss://your-api-url.com/api/v1/sdk/ws";
  const VALUES = "values (the token, ws_url) are examples: the document shows none";
  const bootstrap = [
    {
      dir: "out",
      request: {
        method: "POST",
        url: "https://your-api-url.com/api/v1/sdk/token",
        headers: { Authorization: "Bearer [redacted]", "Content-Type": "application/json" },
      },
    },
    { dir: "in", response: { status: 200, headers: { "content-type": "application/json" }, body: { token: TOKEN, ws_url: WS } }, note: VALUES },
    { dir: "out", connect: { url: WS } },
    outText({ token: TOKEN }, [{ type: "passthrough", name: "token", payload: { token: TOKEN } }], { plan: true }),
  ];

  write(
    "handshake",
    header(
      "token from the API, the token as the first message, then connected and agent_ready",
      `${GUIDE}, steps 1 and 2 (docs/sources.md): POST {API_URL}/api/v1/sdk/token with a Bearer key, { token, ws_url }, send {"token"} on open, connected then agent_ready`,
    ),
    [
      ...bootstrap,
      inText({ type: "connected" }, [{ type: "session-started", ids: {} }]),
      inText({ type: "agent_ready" }, [{ type: "agent-state", state: "listening" }]),
    ],
  );
  write(
    "audio",
    header(
      "binary PCM16 16 kHz both ways in 640-byte (320-sample, 20 ms) frames",
      `${GUIDE}, steps 3 and 4 (docs/sources.md; SAMPLE_RATE 16000, FRAME_SAMPLES 320, 640-byte frames; binary = PCM audio from the agent); payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [inText({ type: "connected" }, [{ type: "session-started", ids: {} }]), ...binaryAudioLines(16000, 320)],
  );
  write(
    "ending",
    header(
      "session_ended with each documented reason (each line stands alone)",
      `${GUIDE}, step 2 (docs/sources.md): session_ended with msg.reason agent_disconnected | session_closed | server_shutdown`,
    ),
    [
      inText({ type: "session_ended", reason: "agent_disconnected" }, [ended("agent_disconnected")]),
      inText({ type: "session_ended", reason: "session_closed" }, [ended("session_closed")]),
      inText({ type: "session_ended", reason: "server_shutdown" }, [ended("server_shutdown")]),
      { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)], source: "RFC 6455 (docs/sources.md): a clean close" },
    ],
  );
  write(
    "auth-refused",
    header(
      "a refused key at the token endpoint",
      `${GUIDE}, step 1 (docs/sources.md): the token call; the status and body are voxwire's simulator's (conformance/src/simulator/fronts/token-first-front.ts): the document shows no failure`,
    ),
    [
      bootstrap[0],
      {
        dir: "in",
        response: {
          status: 401,
          headers: { "content-type": "application/json" },
          body: { error: "invalid_api_key", message: "send Authorization: Bearer <API key>" },
        },
        events: [error("bootstrap_failed", true, false, { message: "invalid_api_key" })],
      },
    ],
  );
  write(
    "token-refused",
    header(
      "a refused token: error{code,message}, then close 4401",
      `${GUIDE}, step 2 (docs/sources.md): error with msg.code and msg.message; the codes and close codes are voxwire's choice, documented in packages/token-first/README.md (Errors; TokenFirstErrorCode, TokenFirstClose)`,
    ),
    [
      ...bootstrap,
      inText({ type: "error", code: "invalid_token", message: "the first message must be a token" }, [
        error("token_expired", true, true, { vendorCode: "invalid_token", message: "the first message must be a token" }),
      ]),
      { dir: "in", close: { code: 4401, reason: "invalid_token" }, events: [ended("token_expired", 4401)] },
    ],
  );
  write(
    "audio-before-token",
    header(
      "audio before the token: error protocol_error, then close 4400",
      `${GUIDE}, step 2 (docs/sources.md): the token is the first message sent; refusing audio before it, and the codes, are voxwire's choice (packages/token-first/README.md, Errors)`,
    ),
    [
      inText({ type: "error", code: "protocol_error", message: "audio arrived before the token" }, [
        error("protocol_violation", true, false, { vendorCode: "protocol_error", message: "audio arrived before the token" }),
      ]),
      { dir: "in", close: { code: 4400, reason: "protocol_error" }, events: [ended("protocol_violation", 4400)] },
    ],
  );
  write(
    "tolerance",
    header(
      "malformed and unknown frames: reported or passed through, never a crash",
      'docs/writing-a-dialect.md, "Rules a codec keeps": decode never throws; what it does not know is passed through, never dropped',
    ),
    [
      inText({ type: "pong", at: 1 }, [{ type: "passthrough", name: "pong", payload: { type: "pong", at: 1 } }]),
      inText('{"type":"conn', [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inText({ reason: "no type" }, [error("protocol_violation", false, false)], notJson(TOLERANCE)),
      inBinary([1, 2, 3], [error("invalid_audio", false, false)], notJson(TOLERANCE)),
    ],
  );
}
