"""A short recording for the demo's call, made here with the standard library: nothing to
download, nothing shipped."""

from __future__ import annotations

import io
import math
import wave

# Telephone quality: 8 kHz, mono, 16 bits.
SAMPLE_RATE = 8000


def tone_wav(*, seconds: float, hz: float = 440.0) -> bytes:
    """A WAV file of a soft tone that fades in and out, `seconds` long."""
    frames = int(SAMPLE_RATE * seconds)
    fade = max(frames // 10, 1)
    samples = bytearray()
    for n in range(frames):
        envelope = min(1.0, n / fade, (frames - n) / fade)
        value = int(8000 * envelope * math.sin(2 * math.pi * hz * n / SAMPLE_RATE))
        samples += value.to_bytes(2, "little", signed=True)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(samples))
    return buffer.getvalue()
