import {
  AudioDataError,
  type ConnectPlan,
  closeEvents,
  type DialectCodec,
  dtmfDigitSchema,
  errorEvent,
  httpError,
  type InboundEvent,
  type OutboundEvent,
  ProtocolError,
  passthrough,
  readJsonFrame,
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { VONAGE_CLOSE_RULES } from "./close-rules.js";
import {
  connectedHeaders,
  DIALECT_NAME,
  dtmfDigit,
  pcmBytes,
  pcmSamples,
  rateOf,
  VONAGE_CALL_HEADER,
  VONAGE_CONVERSATION_HEADER,
  VonageEvent,
} from "./wire.js";

/**
 * Our side of one Vonage WebSocket (Vonage dials us). State, and why: whether
 * `websocket:connected` has come (audio before it is not this call's, and nothing may be sent
 * before it), and whether its `content-type` is the rate this leg was set up for. A mark is a
 * `notify` whose payload carries the mark's name; a clear is `clear`.
 */
export function createVonageCodec(plan: ConnectPlan): DialectCodec {
  const sampleRate = plan.audio.inbound.sampleRate;
  let connected = false;
  let formatError: string | undefined;

  const protocolError = (why: string) => new ProtocolError(why, { dialect: DIALECT_NAME });
  const fail = (error: VoxwireError, frame: WireFrame): InboundEvent[] => [errorEvent(error, frame)];

  function onConnected(message: Readonly<Record<string, unknown>>, frame: string): InboundEvent[] {
    if (connected) return fail(protocolError("a second websocket:connected; the first one stands"), frame);
    connected = true;
    const rate = rateOf(message["content-type"]);
    if (rate !== sampleRate)
      formatError = `the socket's content-type is ${String(message["content-type"])}; this leg was set up for audio/l16;rate=${sampleRate} (vonage({ sampleRate }) and the NCCO must agree), so its audio is refused`;
    const headers = connectedHeaders(message);
    const ids = { callId: headers[VONAGE_CALL_HEADER] ?? "", streamId: headers[VONAGE_CONVERSATION_HEADER] ?? "" };
    const events: InboundEvent[] = [
      { type: "session-accepted", raw: frame },
      {
        type: "session-started",
        ids,
        metadata: { tracks: ["inbound"], customParameters: headers, contentType: message["content-type"] },
        raw: frame,
      },
    ];
    if (formatError) events.push(errorEvent(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame));
    return events;
  }

  function onText(frame: string): InboundEvent[] {
    const read = readJsonFrame(frame, { dialect: DIALECT_NAME, typeKey: "event" });
    if (!read.ok) return read.events;
    const { type, message } = read.value;
    if (type === VonageEvent.connected) return onConnected(message, frame);
    if (!connected) return fail(protocolError(`${type} before websocket:connected`), frame);
    switch (type) {
      case VonageEvent.notify: {
        const payload = message.payload as Readonly<Record<string, unknown>> | undefined;
        const name = payload && typeof payload === "object" ? payload.name : undefined;
        // A notify we did not send (no name) is passed through.
        return typeof name === "string" && name.length > 0 ? [{ type: "mark-played", name, raw: frame }] : [passthrough(type, message, frame)];
      }
      case VonageEvent.dtmf: {
        const digit = dtmfDigit(message);
        if (typeof digit === "string" && dtmfDigitSchema.safeParse(digit).success) return [{ type: "dtmf-received", digit, raw: frame }];
        return [
          errorEvent(protocolError("websocket:dtmf without a valid digit (0-9, *, #, A-D); passed through"), frame),
          passthrough(type, message, frame),
        ];
      }
      default:
        // websocket:cleared (the clear's acknowledgement) and anything new.
        return [passthrough(type, message, frame)];
    }
  }

  return {
    get ready() {
      return connected;
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame === "string") return onText(frame);
      if (!connected) return fail(protocolError(`binary frame of ${frame.byteLength} bytes before websocket:connected`), frame);
      if (formatError !== undefined) return fail(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame);
      if (frame.byteLength % 2 !== 0)
        return fail(new AudioDataError(`an L16 frame of ${frame.byteLength} bytes is not whole samples`, { dialect: DIALECT_NAME }), frame);
      return [{ type: "audio-chunk", audio: pcmSamples(frame), sampleRate, raw: frame }];
    },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          if (!connected) throw protocolError("cannot send audio before websocket:connected");
          return [pcmBytes(event.audio)];
        case "mark":
          return [`{"action":"notify","payload":{"name":${JSON.stringify(event.name)}}}`];
        case "playback-clear":
          return ['{"action":"clear"}'];
        default:
          // Hanging up and transferring are the REST API's (call-control hooks).
          return [];
      }
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, VONAGE_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME);
    },
  };
}
