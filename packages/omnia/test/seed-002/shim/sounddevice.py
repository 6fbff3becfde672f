"""
A stand-in for the `sounddevice` package, used ONLY when the machine has no audio device
(probe-audio.py decides). It provides exactly what the Omnia Voice guide's client uses:

  sounddevice.OutputStream(samplerate, channels=1, callback, device=None, dtype="int16", blocksize)
  sounddevice.InputStream(...same...)
  .start(), .close(), .active, and use as a context manager

and calls the client's own callbacks the way PortAudio would: from a separate thread, one block
of `blocksize` frames every `blocksize / samplerate` seconds (divided by SEED_SHIM_SPEED), with a
numpy int16 array of shape (blocksize, 1). Nothing else of the client is replaced.

  - The microphone (InputStream) plays SEED_SHIM_SPEECH (a mono PCM16 WAV, resampled linearly to
    the stream's rate) after SEED_SHIM_SPEECH_DELAY_S seconds of silence, then silence forever.
  - The speaker (OutputStream) keeps what the client's callback wrote: the number of blocks,
    samples and non-zero samples, and writes them as JSON to SEED_SHIM_STATS when it closes.
"""

import json
import os
import threading
import time
import wave

import numpy as np

__version__ = "0.0-voxwire-shim"
SHIM = True

_SPEED = float(os.environ.get("SEED_SHIM_SPEED", "1"))


def _speech(rate: int) -> np.ndarray:
    path = os.environ.get("SEED_SHIM_SPEECH")
    delay = float(os.environ.get("SEED_SHIM_SPEECH_DELAY_S", "0.3"))
    silence = np.zeros(int(delay * rate), dtype=np.int16)
    if not path:
        return silence
    with wave.open(path, "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise ValueError(f"{path}: the shim's speech must be mono PCM16")
        source_rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float64)
    count = int(len(samples) * rate / source_rate)
    resampled = np.interp(np.arange(count) * source_rate / rate, np.arange(len(samples)), samples)
    return np.concatenate([silence, resampled.astype(np.int16)])


class _Stream:
    def __init__(self, samplerate=None, channels=1, callback=None, device=None, dtype="int16", blocksize=0, **_):
        if channels != 1 or dtype != "int16":
            raise ValueError("the shim supports mono int16 only")
        self.samplerate = int(samplerate)
        self.blocksize = int(blocksize) or self.samplerate // 100
        self._callback = callback
        self._stop = threading.Event()
        self._thread = None
        self.blocks = 0

    @property
    def active(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name=type(self).__name__, daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    def close(self) -> None:
        self.stop()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def _run(self) -> None:
        period = self.blocksize / self.samplerate / _SPEED
        next_at = time.monotonic()
        while not self._stop.is_set():
            self._block()
            self.blocks += 1
            next_at += period
            self._stop.wait(max(0.0, next_at - time.monotonic()))


class InputStream(_Stream):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._speech = _speech(self.samplerate)
        self._at = 0

    def _block(self) -> None:
        block = np.zeros((self.blocksize, 1), dtype=np.int16)
        piece = self._speech[self._at : self._at + self.blocksize]
        block[: len(piece), 0] = piece
        self._at += self.blocksize
        self._callback(block, self.blocksize, None, None)


class OutputStream(_Stream):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.samples = 0
        self.nonzero = 0

    def _block(self) -> None:
        out = np.zeros((self.blocksize, 1), dtype=np.int16)
        self._callback(out, self.blocksize, None, None)
        self.samples += out.size
        self.nonzero += int(np.count_nonzero(out))

    def close(self) -> None:
        super().close()
        path = os.environ.get("SEED_SHIM_STATS")
        if path:
            with open(path, "w") as f:
                json.dump({"rate": self.samplerate, "blocksize": self.blocksize, "blocks": self.blocks, "samples": self.samples, "nonzero": self.nonzero}, f)
