// The golden files of Orbitali (the Orbitali guide, docs/sources.md): conformance/golden/orbitali/, written by
// ../make-golden.mjs.
import { b64, ended, error, inBinary, inText, notJson, outText, TOLERANCE, tone } from "./shared.mjs";

export const dialect = "orbitali";

/** Calls `write(scenario, header, lines)` once per golden file of this dialect. */
export function build(write) {
  const GUIDE = "Orbitali guide";
  const AGENT = "9dbf0d0b-2b55-45de-8c41-7a2d9b0ce8e9";
  const header = (title, source) => ({
    title,
    source,
    target: { url: "https://api.orbitali.ai", agentId: AGENT },
    audio: { outbound: { encoding: "pcm16", sampleRate: 16000, frameMs: 20 }, inbound: { encoding: "pcm16", sampleRate: 24000 } },
    now: "2026-06-24T12:00:00.000Z",
  });
  const request = {
    dir: "out",
    request: {
      method: "POST",
      url: `https://api.orbitali.ai/public/v1/agents/${AGENT}/realtime-sessions`,
      headers: { Authorization: "Bearer [redacted]" },
    },
  };
  const response = {
    dir: "in",
    response: {
      status: 200,
      headers: { "content-type": "application/json" },
      body: {
        token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...",
        expiresAt: "2026-06-24T12:01:00.000Z",
        websocketUrl: `wss://agent.orbitali.ai/ws/agents/${AGENT}?token=eyJhbGciOi...`,
        protocol: { inputAudio: { encoding: "pcm16", sampleRate: 16000 }, outputAudio: { encoding: "pcm16", sampleRate: 24000 } },
      },
    },
  };

  write(
    "handshake",
    header(
      "mint a realtime session on the server, dial its websocketUrl, session.started",
      `${GUIDE}, "Step 1" (the curl request and its Response, verbatim), "Step 2" and "Other Server Events" (docs/sources.md): session.started`,
    ),
    [
      request,
      response,
      { dir: "out", connect: { url: "wss://agent.orbitali.ai/ws/agents/[redacted]?token=[redacted]" } },
      inText('{ "type": "session.started", "callId": "call_uuid" }', [{ type: "session-started", ids: { callId: "call_uuid" } }]),
    ],
  );
  const lines = [];
  for (let i = 0; i < 2; i++) {
    const user = tone(16000, 320, 440, i * 320);
    lines.push(outText({ type: "input_audio", audio: b64(user) }, [{ type: "audio-append", audio: b64(user), sampleRate: 16000 }]));
  }
  for (let i = 0; i < 2; i++) {
    const agent = tone(24000, 480, 660, i * 480);
    lines.push(
      inText({ type: "output_audio", audio: b64(agent), encoding: "pcm16", sampleRate: 24000 }, [
        { type: "audio-chunk", audio: b64(agent), sampleRate: 24000 },
      ]),
    );
  }
  write(
    "audio",
    header(
      "base64 PCM16 in JSON: 16 kHz in, 24 kHz out",
      `${GUIDE}, "Sending Audio" and "Receiving Audio" (docs/sources.md): the message shapes; 20 ms chunks are voxwire's choice (packages/orbitali/README.md); payload: a 440 Hz tone out, 660 Hz in`,
    ),
    [
      ...lines,
      inText(
        '{\n  "type": "output_audio",\n  "audio": "Z3g1eHJ5...",\n  "encoding": "pcm16",\n  "sampleRate": 24000\n}',
        [error("invalid_audio", false, false)],
        {
          oneWay: "the document's example verbatim: its payload is cut short with '...', so a client reports it and goes on",
        },
      ),
    ],
  );
  write("barge-in", header("clear: stop playing queued audio", `${GUIDE}, "Interruption & Barge-in" (docs/sources.md): the clear event, verbatim`), [
    lines[2],
    inText('{ "type": "clear" }', [{ type: "playback-clear" }]),
  ]);
  write("transcripts", header("a transcript per completed turn", `${GUIDE}, "Other Server Events" (docs/sources.md): transcript, verbatim`), [
    inText('{ "type": "transcript", "role": "assistant", "text": "Hello, how can I help?" }', [
      { type: "transcript-end", role: "agent", text: "Hello, how can I help?" },
    ]),
    inText({ type: "transcript", role: "user", text: "I need a hand" }, [{ type: "transcript-end", role: "user", text: "I need a hand" }], {
      source: "voxwire choice (packages/orbitali/README.md: user → user); the document shows only the assistant's turn",
    }),
  ]);
  write(
    "ending",
    header("stop, then the socket closes", `${GUIDE}, "Code Example" (docs/sources.md): stopSession() sends { type: "stop" } then closes`),
    [outText({ type: "stop" }, [{ type: "session-stop" }]), { dir: "in", close: { code: 1000, reason: "" }, events: [ended("closed", 1000)] }],
  );
  write(
    "auth-refused",
    header(
      "a refused key at realtime-sessions",
      `${GUIDE}, "Step 1" and "Code Example" (docs/sources.md): the call, and the route passing its status on; the body is voxwire's simulator's (conformance/src/simulator/fronts/orbitali-front.ts)`,
    ),
    [
      request,
      {
        dir: "in",
        response: {
          status: 401,
          headers: { "content-type": "application/json" },
          body: { error: { code: "invalid_api_key", message: "missing or unknown API key" } },
        },
        events: [error("bootstrap_failed", true, false, { message: "invalid_api_key" })],
      },
    ],
  );
  write(
    "token-refused",
    header(
      "a token expired, already used or unknown (each line stands alone)",
      `${GUIDE}, "Step 1" (docs/sources.md): tokens are valid for 60 s and must be used before expiresAt; how a refusal is reported is voxwire's choice, documented in packages/orbitali/README.md (close 4401 with a reason code)`,
    ),
    [
      {
        dir: "in",
        close: { code: 4401, reason: "token_expired" },
        events: [error("token_expired", true, true, { vendorCode: "token_expired" }), ended("token_expired", 4401)],
      },
      {
        dir: "in",
        close: { code: 4401, reason: "token_already_used" },
        events: [error("token_expired", true, true, { vendorCode: "token_already_used" }), ended("token_expired", 4401)],
      },
      {
        dir: "in",
        close: { code: 4401, reason: "token_invalid" },
        events: [error("auth_failed", true, false, { vendorCode: "token_invalid" }), ended("auth_failed", 4401)],
      },
    ],
  );
  write(
    "tolerance",
    header(
      "frames outside the wire: reported or passed through, never a crash",
      `${GUIDE}, "Audio Stream Specifications" and "Step 1" (docs/sources.md): JSON messages only, and the Response's protocol block declares the rates; docs/writing-a-dialect.md, "Rules a codec keeps"`,
    ),
    [
      inText({ type: "ping" }, [{ type: "passthrough", name: "ping", payload: { type: "ping" } }]),
      inText({ type: "transcript", role: "system", text: "x" }, [
        { type: "passthrough", name: "transcript", payload: { type: "transcript", role: "system", text: "x" } },
      ]),
      inText(
        { type: "output_audio", audio: "AQACAA==", encoding: "pcm16", sampleRate: 12000 },
        [error("invalid_audio", false, false)],
        notJson("a rate the session did not declare: reported, not played"),
      ),
      inText(
        { type: "output_audio", audio: "@@not base64@@", encoding: "pcm16", sampleRate: 24000 },
        [error("invalid_audio", false, false)],
        notJson(TOLERANCE),
      ),
      inText(
        { type: "output_audio", audio: "AQACAA==", encoding: { toString: 0 } },
        [error("invalid_audio", false, false)],
        notJson("an encoding that is not a string (found by fuzzing: it once threw)"),
      ),
      inBinary([1, 2, 3, 4], [error("protocol_violation", false, false)], notJson("Orbitali is JSON text only: a binary frame is reported")),
    ],
  );
}
