import { type ConnectPlan, errorEvent, type InboundEvent, type PeerCodec, type PeerDecoded, ProtocolError, type WireFrame } from "@voxwire/core";
import { AsteriskCommand, AsteriskEvent, bytesPerSample, DIALECT_NAME, decodeMedia, encodeMedia, formatOf, readControl } from "./wire.js";

/**
 * Asterisk's side of one media WebSocket (the Asterisk simulator, conformance), speaking JSON
 * control (or plain text, `{ control: "plain-text" }`). Events become MEDIA_START, BINARY media,
 * DTMF_END, MEDIA_MARK_PROCESSED and passthrough notifications (MEDIA_XOFF/XON); the
 * application's binary media and commands become audio, marks and clears. A media message that
 * is not whole frames is reported: Asterisk drops its tail.
 */
export function createAsteriskPeerCodec(plan: ConnectPlan, options: { control?: "json" | "plain-text" } = {}): PeerCodec {
  const format = formatOf(plan.audio.outbound);
  const bps = bytesPerSample(format);
  const sampleRate = plan.audio.inbound.sampleRate;
  let json = options.control !== "plain-text";
  let frameBytes = (sampleRate / 50) * bps;
  let channelId = "";

  const event = (name: string, fields: Record<string, unknown>): string => {
    if (json) return JSON.stringify({ event: name, ...fields });
    const parts = Object.entries(fields)
      .filter(([, v]) => v !== undefined && (typeof v !== "object" || v === null))
      .map(([k, v]) => `${k}:${String(v)}`);
    return [name, ...parts].join(" ");
  };

  function encode(e: InboundEvent): WireFrame[] {
    switch (e.type) {
      case "session-started": {
        const meta = e.metadata ?? {};
        channelId = e.ids.callId ?? "";
        // The control format the opening says (a golden's, a replayed call's) wins over the option.
        if (meta.control === "json" || meta.control === "plain-text") json = meta.control === "json";
        frameBytes = typeof meta.optimalFrameSize === "number" ? meta.optimalFrameSize : frameBytes;
        return [
          event(AsteriskEvent.mediaStart, {
            connection_id: e.ids.streamId ?? "",
            channel: e.ids.channel ?? "",
            channel_id: channelId,
            format: typeof meta.format === "string" ? meta.format : format,
            optimal_frame_size: frameBytes,
            ptime: typeof meta.ptime === "number" ? meta.ptime : 20,
            ...(json ? { channel_variables: meta.customParameters ?? {} } : {}),
          }),
        ];
      }
      case "audio-chunk":
        return [encodeMedia(format, e.audio, new Uint8Array(e.audio.length * bps))];
      case "dtmf-received":
        return [event(AsteriskEvent.dtmfEnd, { channel_id: channelId, digit: e.digit })];
      case "mark-played":
        return [event(AsteriskEvent.markProcessed, json ? { channel_id: channelId, correlation_id: e.name } : { correlation_id: e.name })];
      case "passthrough":
        return [event(e.name, json ? { channel_id: channelId } : {})];
      default:
        return [];
    }
  }

  function decode(frame: WireFrame): PeerDecoded[] {
    if (typeof frame !== "string") {
      if (frame.byteLength % frameBytes !== 0)
        return [
          errorEvent(
            new ProtocolError(
              `a media message of ${frame.byteLength} bytes is not a multiple of the optimal frame size (${frameBytes}): Asterisk drops its tail`,
              {
                dialect: DIALECT_NAME,
              },
            ),
            frame,
          ),
        ];
      return [{ type: "audio-append", audio: decodeMedia(format, frame), sampleRate }];
    }
    const control = readControl(frame);
    if (!control) return [errorEvent(new ProtocolError("a text frame that is not a chan_websocket command", { dialect: DIALECT_NAME }), frame)];
    if (control.json !== json)
      return [
        errorEvent(
          new ProtocolError(`a ${control.json ? "JSON" : "plain-text"} command on a ${json ? "JSON" : "plain-text"} connection`, {
            dialect: DIALECT_NAME,
          }),
          frame,
        ),
      ];
    switch (control.name) {
      case AsteriskCommand.flush:
        return [{ type: "playback-clear" }];
      case AsteriskCommand.mark: {
        const id = control.fields.correlation_id;
        return typeof id === "string" && id.length > 0
          ? [{ type: "mark", name: id }]
          : [errorEvent(new ProtocolError("MARK_MEDIA without a correlation_id", { dialect: DIALECT_NAME }), frame)];
      }
      case AsteriskCommand.hangup:
        return [{ type: "session-stop" }];
      default:
        return [{ type: "passthrough", name: control.name, payload: { ...control.fields }, raw: frame }];
    }
  }

  return { encode, decode };
}
