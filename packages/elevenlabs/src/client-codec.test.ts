import { base64Decode, base64Encode, type ConnectPlan, type InboundEvent, mulawDecode, pcm16FromBytes, pcm16ToBytes } from "@voxwire/core";
import { describe, expect, it } from "vitest";
import { createElevenlabsCodec, type ElevenlabsCodecOptions } from "./client-codec.js";
import { initiationFor } from "./initiation.js";
import { type ElevenlabsAudioFormat, wireFormatOf } from "./wire.js";

const planFor = (input: ElevenlabsAudioFormat = "pcm_16000", output: ElevenlabsAudioFormat = input): ConnectPlan => ({
  url: "wss://api.elevenlabs.io/v1/convai/conversation?agent_id=a",
  audio: { outbound: wireFormatOf(input)!, inbound: wireFormatOf(output)! },
  secrets: [],
});
const OPTIONS: ElevenlabsCodecOptions = { initiation: {}, textAs: "user_message" };
const codecFor = (plan = planFor(), options = OPTIONS) => createElevenlabsCodec(plan, options);
const frame = (message: Record<string, unknown>) => JSON.stringify(message);
const metadata = (output = "pcm_16000", input: string | undefined = "pcm_16000") =>
  frame({
    type: "conversation_initiation_metadata",
    conversation_initiation_metadata_event: { conversation_id: "conv_1", agent_output_audio_format: output, user_input_audio_format: input },
  });
const audio = (eventId: number, samples = Int16Array.from([1, -2, 3, -4])) =>
  frame({ type: "audio", audio_event: { audio_base_64: base64Encode(pcm16ToBytes(samples)), event_id: eventId } });
const only = <T extends InboundEvent["type"]>(events: InboundEvent[], type: T) => {
  expect(events.map((e) => e.type)).toEqual([type]);
  return events[0] as Extract<InboundEvent, { type: T }>;
};

describe("client codec: opening", () => {
  it("opens with the initiation, and is ready only once the metadata names the formats", () => {
    const codec = codecFor(planFor(), {
      initiation: initiationFor({ instructions: "Be brief.", voice: "v1", language: "de-DE" }, undefined),
      textAs: "user_message",
    });
    expect(codec.open!().map((f) => JSON.parse(f as string))).toEqual([
      {
        type: "conversation_initiation_client_data",
        conversation_config_override: { agent: { prompt: { prompt: "Be brief." }, language: "de" }, tts: { voice_id: "v1" } },
      },
    ]);
    expect(codec.ready).toBe(false);
    const started = only(codec.decode(metadata()), "session-started");
    expect(started.ids).toEqual({ conversation_id: "conv_1" });
    expect(started.metadata).toEqual({ agent_output_audio_format: "pcm_16000", user_input_audio_format: "pcm_16000" });
    expect(codec.ready).toBe(true);
  });

  it("an input format the metadata leaves out is pcm_16000, as the official client assumes", () => {
    const codec = codecFor();
    expect(codec.decode(metadata("pcm_16000", undefined)).map((e) => e.type)).toEqual(["session-started"]);
  });

  it("a format the wire does not define is a fatal error and the codec stays unready", () => {
    for (const [output, input] of [
      ["mp3_44100", "pcm_16000"],
      ["pcm_16000", "opus_48000"],
      ["pcm_16000", 16000],
    ] as const) {
      const codec = codecFor();
      const error = only(codec.decode(metadata(output, input as string)), "error");
      expect([error.code, error.fatal, error.error?.vendorCode]).toEqual(["protocol_violation", true, "unsupported_audio_format"]);
      expect(codec.ready).toBe(false);
    }
  });

  it("formats other than the planned ones are converted, and a debug event says so", () => {
    const codec = codecFor(planFor("pcm_16000"));
    const events = codec.decode(metadata("pcm_24000", "ulaw_8000"));
    expect(events.map((e) => e.type)).toEqual(["session-started", "debug", "debug"]);
    expect((events[1] as { message: string }).message).toMatch(/agent audio: the agent uses pcm16 @ 24000 Hz.*pcm_24000/);
    // 24 kHz agent audio arrives at the planned 16 kHz (2/3 as many samples, past the filter's start-up).
    let samples = 0;
    for (let i = 0; i < 10; i++) samples += only(codec.decode(audio(1, new Int16Array(480))), "audio-chunk").audio.length;
    expect(samples).toBeGreaterThan(3000);
    expect(samples).toBeLessThanOrEqual(3200);
    // User audio at the planned 16 kHz leaves as 8 kHz μ-law: one byte per sample, half as many.
    let bytes = 0;
    for (let i = 0; i < 10; i++) {
      const [sent] = codec.encode({ type: "audio-append", audio: new Int16Array(320), sampleRate: 16000 });
      bytes += base64Decode(JSON.parse(sent as string).user_audio_chunk).length;
    }
    expect(bytes).toBeGreaterThan(1500);
    expect(bytes).toBeLessThanOrEqual(1600);
  });

  it("μ-law both ways when planned so: no conversion", () => {
    const codec = codecFor(planFor("ulaw_8000"));
    expect(codec.decode(metadata("ulaw_8000", "ulaw_8000")).map((e) => e.type)).toEqual(["session-started"]);
    const codes = Uint8Array.from([0, 0x7f, 0x80, 0x12]);
    const chunk = only(codec.decode(frame({ type: "audio", audio_event: { audio_base_64: base64Encode(codes), event_id: 3 } })), "audio-chunk");
    expect([...chunk.audio]).toEqual([...mulawDecode(codes)]);
    expect(chunk.sampleRate).toBe(8000);
  });
});

describe("client codec: pings, audio and interruptions", () => {
  it("a ping is answered with a pong carrying its event_id, which the application never sees", () => {
    const codec = codecFor();
    expect(codec.decode(frame({ type: "ping", ping_event: { event_id: 7, ping_ms: 42 } }))).toEqual([]);
    expect(codec.decode(frame({ type: "ping", ping_event: { event_id: 8 } }))).toEqual([]);
    expect(codec.takeReplies!().map((f) => JSON.parse(f as string))).toEqual([
      { type: "pong", event_id: 7 },
      { type: "pong", event_id: 8 },
    ]);
    expect(codec.takeReplies!()).toEqual([]);
    const bad = only(codec.decode(frame({ type: "ping", ping_event: { event_id: "x" } })), "error");
    expect(bad.fatal).toBe(false);
    expect(codec.takeReplies!()).toEqual([]);
  });

  it("audio is an audio-chunk named by its event_id; an interruption clears it, and older audio is dropped", () => {
    const codec = codecFor();
    codec.decode(metadata());
    const first = only(codec.decode(audio(5, Int16Array.from([9, 8]))), "audio-chunk");
    expect([[...first.audio], first.sampleRate, first.turnId]).toEqual([[9, 8], 16000, "5"]);
    expect(only(codec.decode(frame({ type: "interruption", interruption_event: { event_id: 7 } })), "playback-clear").turnId).toBe("5");
    // Audio of the cut turn still in flight: dropped, counted, never an audio-chunk.
    const late = only(codec.decode(audio(5)), "debug");
    expect(late.message).toMatch(/event 5.*interruption 7 \(1 chunk dropped/);
    expect(only(codec.decode(audio(6)), "debug").message).toMatch(/\(2 chunks dropped/);
    // The interruption's own id and later ones are the new turn: played (as the official clients do).
    expect(only(codec.decode(audio(7)), "audio-chunk").turnId).toBe("7");
    expect(only(codec.decode(audio(9)), "audio-chunk").turnId).toBe("9");
    // A second interruption with no audio since names no turn.
    codec.decode(frame({ type: "interruption", interruption_event: { event_id: 10 } }));
    expect(only(codec.decode(frame({ type: "interruption", interruption_event: { event_id: 11 } })), "playback-clear").turnId).toBeUndefined();
  });

  it("an interruption without an integer event_id still clears playback, and says why late audio cannot be dropped", () => {
    const events = codecFor().decode(frame({ type: "interruption", interruption_event: {} }));
    expect(events.map((e) => e.type)).toEqual(["playback-clear", "error"]);
  });

  it("bad audio and binary frames are reported, never fatal", () => {
    const codec = codecFor();
    for (const payload of ["@@", "AQID", 42, undefined]) {
      const e = only(codec.decode(frame({ type: "audio", audio_event: { audio_base_64: payload, event_id: 1 } })), "error");
      expect([e.code, e.fatal]).toEqual(["invalid_audio", false]);
    }
    expect(only(codec.decode(new Uint8Array([1, 2])), "error").code).toBe("protocol_violation");
    expect(only(codec.decode('{"user_audio_chunk":"AAA="}'), "error").code).toBe("protocol_violation");
  });
});

describe("client codec: transcripts, tools, text, errors and closes", () => {
  it("tentative and final user transcripts, the agent's response and its correction, each with its turn", () => {
    const codec = codecFor();
    const tentative = only(
      codec.decode(frame({ type: "tentative_user_transcript", tentative_user_transcription_event: { user_transcript: "where is", event_id: 3 } })),
      "transcript-delta",
    );
    expect([tentative.role, tentative.text, tentative.turnId]).toEqual(["user", "where is", "3"]);
    const user = only(
      codec.decode(frame({ type: "user_transcript", user_transcription_event: { user_transcript: "where is my order", event_id: 3 } })),
      "transcript-end",
    );
    expect([user.role, user.text, user.turnId]).toEqual(["user", "where is my order", "3"]);
    const agent = only(
      codec.decode(frame({ type: "agent_response", agent_response_event: { agent_response: "It ships today, and…", event_id: 4 } })),
      "transcript-end",
    );
    expect([agent.role, agent.text, agent.turnId]).toEqual(["agent", "It ships today, and…", "4"]);
    const corrected = only(
      codec.decode(
        frame({
          type: "agent_response_correction",
          agent_response_correction_event: { original_agent_response: "It ships today, and…", corrected_agent_response: "It ships", event_id: 4 },
        }),
      ),
      "transcript-end",
    );
    expect([corrected.role, corrected.text, corrected.turnId]).toEqual(["agent", "It ships", "4"]);
  });

  it("client_tool_call → tool-call; tool-result → client_tool_result with a string result", () => {
    const codec = codecFor();
    const call = only(
      codec.decode(
        frame({ type: "client_tool_call", client_tool_call: { tool_name: "open", tool_call_id: "t1", parameters: { url: "u" }, event_id: 2 } }),
      ),
      "tool-call",
    );
    expect([call.callId, call.name, call.arguments]).toEqual(["t1", "open", { url: "u" }]);
    expect(only(codec.decode(frame({ type: "client_tool_call", client_tool_call: { tool_name: "open" } })), "error").fatal).toBe(false);
    const sent = (output: unknown, isError?: boolean) =>
      JSON.parse(codec.encode({ type: "tool-result", callId: "t1", output, ...(isError === undefined ? {} : { isError }) })[0] as string);
    expect(sent("done")).toEqual({ type: "client_tool_result", tool_call_id: "t1", result: "done", is_error: false });
    expect(sent({ ok: true }, true)).toEqual({ type: "client_tool_result", tool_call_id: "t1", result: '{"ok":true}', is_error: true });
  });

  it("text-send is a user_message, or a contextual_update when the factory says so; user audio is a bare user_audio_chunk", () => {
    expect(codecFor().encode({ type: "text-send", text: "hi" })).toEqual(['{"type":"user_message","text":"hi"}']);
    const context = codecFor(planFor(), { initiation: {}, textAs: "contextual_update" });
    expect(context.encode({ type: "text-send", text: "page: cart" })).toEqual(['{"type":"contextual_update","text":"page: cart"}']);
    const [chunk] = codecFor().encode({ type: "audio-append", audio: Int16Array.from([1, -1]), sampleRate: 16000 });
    expect(Object.keys(JSON.parse(chunk as string))).toEqual(["user_audio_chunk"]);
    expect([...pcm16FromBytes(base64Decode(JSON.parse(chunk as string).user_audio_chunk))]).toEqual([1, -1]);
    expect(() => codecFor().encode({ type: "audio-append", audio: new Int16Array(2), sampleRate: 8000 })).toThrow(/16000 Hz/);
  });

  it("nothing goes out for what the wire cannot carry", () => {
    const codec = codecFor();
    expect(codec.encode({ type: "playback-heard", turnId: "4", heardMs: 300 })).toEqual([]);
    expect(codec.encode({ type: "session-update", agent: { instructions: "x" } })).toEqual([]);
    expect(codec.encode({ type: "session-stop" })).toEqual([]);
  });

  it("error messages are typed by error_type", () => {
    const codec = codecFor();
    const error = (error_type: string | undefined) =>
      only(codec.decode(frame({ type: "error", error_event: { code: 1008, message: "nope", ...(error_type ? { error_type } : {}) } })), "error");
    expect([error("override_error").code, error("override_error").error?.vendorCode]).toEqual(["invalid_request", "override_error"]);
    expect(error("invalid_message").code).toBe("protocol_violation");
    expect([error("max_duration_exceeded").code, error("llm_timeout").code, error(undefined).error?.vendorCode]).toEqual([
      "vendor_error",
      "vendor_error",
      "1008",
    ]);
  });

  it("close 1000 is the agent ending the conversation; 1011 for the maximum duration is named", () => {
    const codec = codecFor();
    expect(codec.close(1000, "")).toEqual([{ type: "session-ended", reason: "agent_ended", code: 1000 }]);
    const limit = codec.close(1011, "Conversation has exceeded maximum duration");
    expect(limit.map((e) => e.type)).toEqual(["error", "session-ended"]);
    expect((limit[0] as { error?: { vendorCode?: string } }).error?.vendorCode).toBe("max_duration_exceeded");
    expect((codec.close(1008, "invalid_message")[0] as { code: string }).code).toBe("invalid_request");
    expect(codec.upgradeRejected(401, '{"detail":{"status":"invalid_api_key"}}')).toMatchObject({
      code: "auth_failed",
      vendorCode: "invalid_api_key",
    });
  });
});
