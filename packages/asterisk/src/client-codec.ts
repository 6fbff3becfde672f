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
  type VoxwireError,
  type WireFrame,
} from "@voxwire/core";
import { ASTERISK_CLOSE_RULES } from "./close-rules.js";
import {
  ASTERISK_HANGUP_REASON,
  ASTERISK_MAX_MESSAGE_BYTES,
  AsteriskCommand,
  AsteriskEvent,
  type AsteriskFormat,
  bytesPerSample,
  type ControlMessage,
  DIALECT_NAME,
  decodeMedia,
  encodeMedia,
  formatOf,
  optimalFrameSize,
  readControl,
  writeCommand,
} from "./wire.js";

/**
 * Our side of one Asterisk media WebSocket, whichever side dialed. State, and why:
 * - MEDIA_START's details: the channel's ids, the format, and the optimal frame size every
 *   message of media must be a multiple of (Asterisk drops the part of a message that does not
 *   fill a frame);
 * - whether Asterisk spoke JSON or plain text, so commands go back the same way;
 * - the media not yet sent because it does not fill a frame (it waits for the next audio;
 *   a flush drops it), and one encode buffer.
 * Media goes out in messages of whole frames, never over 65,500 bytes.
 */
export function createAsteriskCodec(plan: ConnectPlan): DialectCodec {
  const format: AsteriskFormat = formatOf(plan.audio.outbound);
  const bps = bytesPerSample(format);
  const sampleRate = plan.audio.inbound.sampleRate;
  let started = false;
  let hungUp = false;
  let json = true;
  let frameBytes = optimalFrameSize(format);
  let maxMessage = Math.floor(ASTERISK_MAX_MESSAGE_BYTES / frameBytes) * frameBytes;
  let formatError: string | undefined;
  /** Encoded media waiting to fill a frame. */
  let pending = new Uint8Array(frameBytes);
  let pendingBytes = 0;
  let scratch = new Uint8Array(0);

  const protocolError = (why: string) => new ProtocolError(why, { dialect: DIALECT_NAME });
  const fail = (error: VoxwireError, frame: WireFrame): InboundEvent[] => [errorEvent(error, frame)];
  const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

  function onMediaStart(control: ControlMessage, frame: string): InboundEvent[] {
    if (started) return fail(protocolError("a second MEDIA_START on one connection; the first one stands"), frame);
    const f = control.fields;
    started = true;
    json = control.json;
    const size = f.optimal_frame_size;
    if (typeof size === "number" && Number.isInteger(size) && size > 0 && size <= ASTERISK_MAX_MESSAGE_BYTES && size % bps === 0) {
      frameBytes = size;
      maxMessage = Math.floor(ASTERISK_MAX_MESSAGE_BYTES / frameBytes) * frameBytes;
      pending = new Uint8Array(frameBytes);
    }
    const given = text(f.format) ?? format;
    if (given !== format)
      formatError = `the channel's format is ${given}; this leg was set up for ${format} (asterisk({ format }) and the dialstring's c(…) must agree), so its media is refused`;
    const variables: Record<string, string> = {};
    if (f.channel_variables && typeof f.channel_variables === "object") {
      for (const [key, value] of Object.entries(f.channel_variables as Record<string, unknown>))
        if (typeof value === "string") variables[key] = value;
    }
    const ids = { callId: text(f.channel_id) ?? "", streamId: text(f.connection_id) ?? "", channel: text(f.channel) ?? "" };
    const metadata = {
      tracks: ["inbound"],
      customParameters: variables,
      format: given,
      optimalFrameSize: frameBytes,
      ptime: f.ptime ?? 20,
      control: json ? "json" : "plain-text",
    };
    const events: InboundEvent[] = [{ type: "session-started", ids, metadata, raw: frame }];
    if (formatError) events.push(errorEvent(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame));
    return events;
  }

  function onControl(frame: string): InboundEvent[] {
    const control = readControl(frame);
    if (!control) return fail(protocolError("a text frame that is not a chan_websocket event (JSON or NAME key:value)"), frame);
    const { name, fields } = control;
    switch (name) {
      case AsteriskEvent.mediaStart:
        return onMediaStart(control, frame);
      case AsteriskEvent.dtmfEnd: {
        const digit = fields.digit;
        if (typeof digit === "string" && dtmfDigitSchema.safeParse(digit).success) return [{ type: "dtmf-received", digit, raw: frame }];
        return fail(protocolError("DTMF_END without a valid digit (0-9, *, #, A-D)"), frame);
      }
      case AsteriskEvent.markProcessed: {
        const id = fields.correlation_id;
        if (typeof id !== "string" || id.length === 0) return fail(protocolError("MEDIA_MARK_PROCESSED without the mark's correlation_id"), frame);
        return [{ type: "mark-played", name: id, raw: frame }];
      }
      case AsteriskEvent.hangup:
        hungUp = true;
        return [{ type: "session-ending", reason: ASTERISK_HANGUP_REASON, raw: frame }];
      default:
        // MEDIA_XOFF / MEDIA_XON (the bridge's flow signal reads them), STATUS, QUEUE_DRAINED, …
        return [{ type: "passthrough", name, payload: { ...fields }, raw: frame }];
    }
  }

  /** Whole frames of media as messages (at most 65,500 bytes each); a partial frame waits. */
  function mediaMessages(audio: Int16Array): WireFrame[] {
    const bytes = audio.length * bps;
    if (pendingBytes === 0 && bytes % frameBytes === 0 && bytes <= maxMessage) {
      // The usual case (the session cuts 20 ms frames): one message, no copy beyond the encode.
      return bytes === 0 ? [] : [encodeMedia(format, audio, new Uint8Array(bytes))];
    }
    if (scratch.length < bytes) scratch = new Uint8Array(bytes);
    const encoded = encodeMedia(format, audio, scratch.subarray(0, bytes));
    const total = pendingBytes + bytes;
    const whole = total - (total % frameBytes);
    const frames: WireFrame[] = [];
    let taken = 0; // bytes of `encoded` used
    for (let sent = 0; sent < whole; ) {
      const size = Math.min(maxMessage, whole - sent);
      const message = new Uint8Array(size);
      let at = 0;
      if (pendingBytes > 0) {
        message.set(pending.subarray(0, pendingBytes));
        at = pendingBytes;
        pendingBytes = 0;
      }
      message.set(encoded.subarray(taken, taken + size - at), at);
      taken += size - at;
      sent += size;
      frames.push(message);
    }
    const left = bytes - taken;
    pending.set(encoded.subarray(taken, bytes), pendingBytes);
    pendingBytes += left;
    return frames;
  }

  return {
    get ready() {
      return started && !hungUp;
    },
    decode(frame: WireFrame): InboundEvent[] {
      if (typeof frame === "string") return onControl(frame);
      if (!started) return fail(protocolError(`binary frame of ${frame.byteLength} bytes before MEDIA_START`), frame);
      if (formatError !== undefined) return fail(new AudioDataError(formatError, { dialect: DIALECT_NAME }), frame);
      if (frame.byteLength % bps !== 0)
        return fail(new AudioDataError(`a ${format} frame of ${frame.byteLength} bytes is not whole samples`, { dialect: DIALECT_NAME }), frame);
      return [{ type: "audio-chunk", audio: decodeMedia(format, frame), sampleRate, raw: frame }];
    },
    encode(event: OutboundEvent): WireFrame[] {
      switch (event.type) {
        case "audio-append":
          if (!started) throw protocolError("cannot send media before MEDIA_START");
          return mediaMessages(event.audio);
        case "mark":
          return [writeCommand(json, AsteriskCommand.mark, event.name)];
        case "playback-clear":
          pendingBytes = 0;
          return [writeCommand(json, AsteriskCommand.flush)];
        case "session-stop":
          // Closing the media WebSocket alone leaves the channel to the dialplan; HANGUP ends the call.
          return [writeCommand(json, AsteriskCommand.hangup)];
        default:
          return [];
      }
    },
    close(code: number, reason: string): InboundEvent[] {
      return closeEvents(code, reason, DIALECT_NAME, ASTERISK_CLOSE_RULES);
    },
    upgradeRejected(status: number, body: string): VoxwireError {
      return httpError(status, body, DIALECT_NAME);
    },
  };
}
