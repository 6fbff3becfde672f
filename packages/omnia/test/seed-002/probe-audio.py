"""Prints `device` when the real sounddevice has a default input and output device, else `none: <why>`."""

try:
    import sounddevice

    sounddevice.query_devices(kind="input")
    sounddevice.query_devices(kind="output")
    print("device")
except Exception as error:  # no PortAudio library, no ALSA card, no default device
    print(f"none: {type(error).__name__}: {error}")
