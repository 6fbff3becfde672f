// The Orbitali guide's browser class `OrbitaliVoiceConnection` (docs/sources.md, "Code Example") as printed, exported for the test page,
// with its empty `startMicrophoneCapture` filled in minimally (marked below). Nothing else changed
// but one non-null `!` on an indexed read, which the repository's strict index checks need (types only).

export class OrbitaliVoiceConnection {
  private ws: WebSocket | null = null;
  private audioQueue: string[] = [];
  private isPlaying = false;
  private audioContext: AudioContext | null = null;

  async startSession() {
    // 1. Get ephemeral token
    const res = await fetch("/api/voice-token", { method: "POST" });
    const { websocketUrl } = await res.json();

    // 2. Connect WebSocket
    this.ws = new WebSocket(websocketUrl);
    // biome-ignore lint/suspicious/noExplicitAny: the guide's code as printed
    this.audioContext = new (window.AudioContext || (window as any).webkitAudioContext)();

    this.ws.onmessage = async (event) => {
      const msg = JSON.parse(event.data);

      switch (msg.type) {
        case "session.started":
          console.log(`Voice session started: ${msg.callId}`);
          this.startMicrophoneCapture();
          break;

        case "output_audio":
          this.queueAudio(msg.audio);
          break;

        case "clear":
          console.log("User interrupted the agent. Clearing audio buffer.");
          this.clearAudioBuffer();
          break;

        case "transcript":
          console.log(`[${msg.role}]: ${msg.text}`);
          break;
      }
    };
  }

  private queueAudio(base64Pcm16: string) {
    this.audioQueue.push(base64Pcm16);
    if (!this.isPlaying) {
      this.playNextChunk();
    }
  }

  private clearAudioBuffer() {
    this.audioQueue = [];
    this.isPlaying = false;
    // Implementation note: Stop current audio source node playback here
  }

  private async playNextChunk() {
    if (this.audioQueue.length === 0) {
      this.isPlaying = false;
      return;
    }

    this.isPlaying = true;
    const base64Data = this.audioQueue.shift()!;
    const pcmData = this.base64ToPCM16(base64Data);

    // Convert PCM16 mono 24kHz buffer to Float32 for Web Audio API playback
    const audioBuffer = this.audioContext!.createBuffer(1, pcmData.length, 24000);
    const channelData = audioBuffer.getChannelData(0);
    for (let i = 0; i < pcmData.length; i++) {
      channelData[i] = pcmData[i]! / 32768.0;
    }

    const source = this.audioContext!.createBufferSource();
    source.buffer = audioBuffer;
    source.connect(this.audioContext!.destination);
    source.onended = () => this.playNextChunk();
    source.start();
  }

  private base64ToPCM16(base64: string): Int16Array {
    const raw = window.atob(base64);
    const buffer = new ArrayBuffer(raw.length);
    const view = new DataView(buffer);
    for (let i = 0; i < raw.length; i++) {
      view.setUint8(i, raw.charCodeAt(i));
    }
    return new Int16Array(buffer);
  }

  private startMicrophoneCapture() {
    // Record user microphone at 16kHz mono and send PCM16 base64 chunks
    // ws.send(JSON.stringify({ type: "input_audio", audio: "..." }))
    // --- filled in (voxwire): a 16 kHz AudioContext makes the browser resample the microphone;
    // a ScriptProcessorNode hands over 1024-sample (64 ms) Float32 blocks, sent as PCM16 base64.
    const ws = this.ws!;
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

  stopSession() {
    if (this.ws) {
      this.ws.send(JSON.stringify({ type: "stop" }));
      this.ws.close();
    }
    if (this.audioContext) {
      this.audioContext.close();
    }
  }
}
