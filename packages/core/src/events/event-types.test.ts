// The event types are `z.infer` of the schemas (docs/decisions/0004). These are the types as
// applications see them, written out by hand: a schema rewrite (zod → zod/mini, #18) must leave
// them exactly as they were (spec v2 added the tool, speech, expiry and turn members). Checked by `tsc` (the package's typecheck); the test itself is a no-op.
import { describe, expectTypeOf, it } from "vitest";
import type { OpenErrorCode } from "../errors/error-codes.js";
import type { VoxwireError } from "../errors/voxwire-error.js";
import type {
  AgentState,
  AppAudioFormat,
  AudioEncoding,
  ErrorEvent,
  InboundEventOf,
  InboundEventType,
  OutboundEvent,
  OutboundEventType,
  PassthroughEvent,
  WireAudioFormat,
} from "./index.js";

type Raw = string | Uint8Array | undefined;

describe("event types", () => {
  it("keep their inferred shapes", () => {
    expectTypeOf<InboundEventType>().toEqualTypeOf<
      | "session-accepted"
      | "session-started"
      | "session-ending"
      | "session-ended"
      | "session-expiring"
      | "session-reconnected"
      | "speech-started"
      | "speech-stopped"
      | "agent-state"
      | "audio-chunk"
      | "playback-clear"
      | "mark-played"
      | "transcript-delta"
      | "transcript-end"
      | "tool-call"
      | "tool-call-cancelled"
      | "dtmf-received"
      | "transfer-requested"
      | "error"
      | "debug"
      | "passthrough"
    >();
    expectTypeOf<OutboundEventType>().toEqualTypeOf<
      "audio-append" | "playback-clear" | "mark" | "playback-heard" | "text-send" | "tool-result" | "dtmf-send" | "session-update" | "session-stop"
    >();
    expectTypeOf<AgentState>().toEqualTypeOf<"idle" | "listening" | "thinking" | "speaking">();
    expectTypeOf<AudioEncoding>().toEqualTypeOf<"pcm16" | "mulaw" | "alaw">();

    expectTypeOf<WireAudioFormat>().toEqualTypeOf<{ encoding: AudioEncoding; sampleRate: number; frameMs?: number | undefined }>();
    expectTypeOf<AppAudioFormat>().toEqualTypeOf<{ sampleRate: number; frameMs?: number | undefined }>();

    expectTypeOf<InboundEventOf<"session-started">>().toEqualTypeOf<{
      type: "session-started";
      ids: Record<string, string>;
      metadata?: Record<string, unknown> | undefined;
      raw?: Raw;
    }>();
    expectTypeOf<InboundEventOf<"session-ended">>().toEqualTypeOf<{ type: "session-ended"; reason: string; code?: number | undefined; raw?: Raw }>();
    expectTypeOf<InboundEventOf<"audio-chunk">>().toEqualTypeOf<{
      type: "audio-chunk";
      audio: Int16Array;
      sampleRate: number;
      turnId?: string | undefined;
      raw?: Raw;
    }>();
    expectTypeOf<InboundEventOf<"transcript-delta">>().toEqualTypeOf<{
      type: "transcript-delta";
      role: "user" | "agent";
      delta: string;
      text: string;
      turnId?: string | undefined;
      raw?: Raw;
    }>();
    expectTypeOf<InboundEventOf<"dtmf-received">>().toEqualTypeOf<{
      type: "dtmf-received";
      digit: string;
      durationMs?: number | undefined;
      raw?: Raw;
    }>();
    expectTypeOf<ErrorEvent>().toEqualTypeOf<{
      type: "error";
      code: OpenErrorCode;
      message: string;
      fatal: boolean;
      retryable: boolean;
      error?: VoxwireError | undefined;
      raw?: Raw;
      rawLength?: number | undefined;
    }>();
    expectTypeOf<InboundEventOf<"tool-call">>().toEqualTypeOf<{ type: "tool-call"; callId: string; name: string; arguments: unknown; raw?: Raw }>();
    expectTypeOf<InboundEventOf<"session-expiring">>().toEqualTypeOf<{ type: "session-expiring"; inMs: number; raw?: Raw }>();
    expectTypeOf<PassthroughEvent>().toEqualTypeOf<{ type: "passthrough"; name: string; payload: unknown; raw?: Raw }>();

    expectTypeOf<Extract<OutboundEvent, { type: "audio-append" }>>().toEqualTypeOf<{ type: "audio-append"; audio: Int16Array; sampleRate: number }>();
    expectTypeOf<Extract<OutboundEvent, { type: "dtmf-send" }>>().toEqualTypeOf<{
      type: "dtmf-send";
      digit: string;
      durationMs?: number | undefined;
    }>();
    expectTypeOf<Extract<OutboundEvent, { type: "tool-result" }>>().toEqualTypeOf<{
      type: "tool-result";
      callId: string;
      output: unknown;
      isError?: boolean | undefined;
    }>();
    expectTypeOf<Extract<OutboundEvent, { type: "playback-heard" }>>().toEqualTypeOf<{ type: "playback-heard"; turnId: string; heardMs: number }>();
    expectTypeOf<Extract<OutboundEvent, { type: "session-stop" }>>().toEqualTypeOf<{ type: "session-stop"; reason?: string | undefined }>();
  });
});
