import { ConfigError, type ConnectPlan, redact, urlSecrets, type WireAudioFormat } from "@voxwire/core";
import type { OrbitaliAudioFormat, OrbitaliSession } from "./orbitali-session.js";
import { ORBITALI_ENCODING, ORBITALI_FRAME_MS } from "./wire.js";

/**
 * The connect plan for one realtime session: dial `websocketUrl` as given, before `expiresAt`,
 * with the audio formats the `protocol` block declares (never a constant: the rates differ by
 * direction and are the server's to choose). Every credential goes in `secrets`.
 */
export function planFromSession(session: OrbitaliSession, apiKey?: string): ConnectPlan {
  const secrets =
    apiKey === undefined ? [session.token, ...urlSecrets(session.websocketUrl)] : [session.token, ...urlSecrets(session.websocketUrl), apiKey];
  const outbound: WireAudioFormat = { ...wireFormat(session.protocol.inputAudio, "inputAudio", secrets), frameMs: ORBITALI_FRAME_MS };
  const inbound = wireFormat(session.protocol.outputAudio, "outputAudio", secrets);
  return { url: session.websocketUrl, audio: { outbound, inbound }, expiresAt: Date.parse(session.expiresAt), secrets };
}

function wireFormat(format: OrbitaliAudioFormat, field: string, secrets: readonly string[]): WireAudioFormat {
  if (format.encoding !== ORBITALI_ENCODING) {
    // The encoding is named so the reader knows what was offered; redacted all the same, it is vendor text.
    const named = redact(format.encoding, secrets).slice(0, 40);
    throw new ConfigError(`protocol.${field}.encoding is "${named}", but this adapter speaks only ${ORBITALI_ENCODING}`, {
      dialect: "orbitali",
      vendorCode: "unsupported_encoding",
    });
  }
  return { encoding: ORBITALI_ENCODING, sampleRate: format.sampleRate };
}
