// The Omni browser guide (docs/sources.md), step 2, as printed.
const CAP = 24000 * 10; // up to 10 s of buffered audio

class PlaybackProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this._ring = new Float32Array(CAP);
    this._r = 0;
    this._w = 0;
    this.port.onmessage = (e) => {
      if (e.data === "clear") {
        this._r = this._w = 0; // drop everything queued (barge-in)
        return;
      }
      const pcm = new Int16Array(e.data);
      for (let i = 0; i < pcm.length; i++) {
        this._ring[this._w] = pcm[i] / 0x8000; // Int16 → Float32
        this._w = (this._w + 1) % CAP;
      }
    };
  }

  process(_inputs, outputs) {
    const out = outputs[0][0];
    for (let i = 0; i < out.length; i++) {
      out[i] = this._r === this._w ? 0 : this._ring[this._r];
      if (this._r !== this._w) this._r = (this._r + 1) % CAP;
    }
    return true;
  }
}

registerProcessor("playback-processor", PlaybackProcessor);
