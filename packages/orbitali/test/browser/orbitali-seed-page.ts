// voxwire's part of the test page (none of it is the Orbitali guide's): a Start and a Stop button for
// the guide's class, a socket that counts what crosses it (outside the class, which stays as
// printed) for the test to read, and the microphone capture the guide leaves empty. The class
// itself is not in the repository: orbitali-seed-browser.test.ts takes it out of the vendor
// document and bundles it with this module, calling captureMicrophone from the class's empty
// `startMicrophoneCapture` and mountSeedPage with the class.

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

/** What the page needs of the guide's `OrbitaliVoiceConnection`. */
export interface GuideConnection {
  startSession(): Promise<void>;
  stopSession(): void;
}

const report: SeedPageReport = { received: {}, sent: {}, outputRates: [], inputSamples: 0, callIds: [], transcripts: [], closes: [], errors: [] };

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

/**
 * The capture the guide's `startMicrophoneCapture` leaves to the reader ("Record user microphone at
 * 16kHz mono and send PCM16 base64 chunks"), filled in minimally: a 16 kHz AudioContext makes the
 * browser resample the microphone; a ScriptProcessorNode hands over 1024-sample (64 ms) Float32
 * blocks, sent on the class's socket as `input_audio` PCM16 base64.
 */
export function captureMicrophone(ws: WebSocket): void {
  void navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1 } }).then((stream) => {
    const context = new AudioContext({ sampleRate: 16000 });
    const source = context.createMediaStreamSource(stream);
    const processor = context.createScriptProcessor(1024, 1, 1);
    processor.onaudioprocess = (event) => {
      if (ws.readyState !== WebSocket.OPEN) return;
      const input = event.inputBuffer.getChannelData(0);
      const bytes = new Uint8Array(input.length * 2);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < input.length; i++) view.setInt16(i * 2, Math.max(-1, Math.min(1, input[i]!)) * 32767, true);
      let binary = "";
      for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
      ws.send(JSON.stringify({ type: "input_audio", audio: window.btoa(binary) }));
    };
    source.connect(processor);
    processor.connect(context.destination); // a ScriptProcessorNode only runs while connected
    ws.addEventListener("close", () => {
      for (const track of stream.getTracks()) track.stop();
      void context.close();
    });
  });
}

/** Installs the counting socket and wires the buttons to a connection of the guide's class. */
export function mountSeedPage(Connection: new () => GuideConnection): void {
  (window as unknown as { seedReport: SeedPageReport }).seedReport = report;
  window.WebSocket = CountingWebSocket;
  const connection = new Connection();
  document.querySelector("#start")!.addEventListener("click", () => {
    connection.startSession().catch((error: unknown) => report.errors.push(String(error)));
  });
  document.querySelector("#stop")!.addEventListener("click", () => connection.stopSession());
}
