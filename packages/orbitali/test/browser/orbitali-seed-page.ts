// The test page's script: the Orbitali guide's class behind a Start and a Stop button, and a socket that
// counts what crosses it (outside the class, which stays as printed) for the test to read.
import { OrbitaliVoiceConnection } from "./orbitali-seed-client.js";

export interface SeedPageReport {
  received: Record<string, number>;
  sent: Record<string, number>;
  /** `sampleRate` of every `output_audio`, deduplicated. */
  outputRates: number[];
  /** Samples carried by the `input_audio` messages sent. */
  inputSamples: number;
  callIds: string[];
  transcripts: { role: string; text: string }[];
  closes: { code: number; reason: string }[];
  errors: string[];
}

const report: SeedPageReport = { received: {}, sent: {}, outputRates: [], inputSamples: 0, callIds: [], transcripts: [], closes: [], errors: [] };
(window as unknown as { seedReport: SeedPageReport }).seedReport = report;

const count = (into: Record<string, number>, type: unknown) => {
  const key = String(type);
  into[key] = (into[key] ?? 0) + 1;
};

class CountingWebSocket extends WebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    this.addEventListener("message", (event) => {
      const msg = JSON.parse(event.data as string);
      count(report.received, msg.type);
      if (msg.type === "output_audio" && !report.outputRates.includes(msg.sampleRate)) report.outputRates.push(msg.sampleRate);
      if (msg.type === "session.started") report.callIds.push(msg.callId);
      if (msg.type === "transcript") report.transcripts.push({ role: msg.role, text: msg.text });
    });
    this.addEventListener("close", (event) => report.closes.push({ code: event.code, reason: event.reason }));
  }

  override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
    const msg = JSON.parse(data as string);
    count(report.sent, msg.type);
    if (msg.type === "input_audio") report.inputSamples += atob(msg.audio).length / 2;
    super.send(data);
  }
}
window.WebSocket = CountingWebSocket;

const connection = new OrbitaliVoiceConnection();
document.querySelector("#start")!.addEventListener("click", () => {
  connection.startSession().catch((error: unknown) => report.errors.push(String(error)));
});
document.querySelector("#stop")!.addEventListener("click", () => connection.stopSession());
