"""A digit drawn by hand, as MNIST's digits look: 28×28, light strokes on black, each stroke a
soft pen about three pixels wide (MNIST's strokes, scaled down from pen drawings, have soft
edges). Also a picture file made into such a digit, refused when too large before it is decoded.

Qt-free: the window's canvas (gui/views/drawing_canvas.py) only turns mouse positions into
canvas coordinates and shows the result."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from ganstudio.core.data.image_folder import to_digit_image
from ganstudio.core.data.sniff import short_reason
from ganstudio.core.errors import DataError

SIDE = 28
# Pixel centres, x then y, in canvas coordinates (0..28 across, 0..28 down).
_CENTRES_X, _CENTRES_Y = np.meshgrid(np.arange(SIDE) + 0.5, np.arange(SIDE) + 0.5)

# A picture is a digit, not a photo album: bounds checked from its header, before decoding.
MAX_PICTURE_BYTES = 64 * 1024 * 1024
MAX_PICTURE_PIXELS = 40_000_000


@dataclass(frozen=True)
class Brush:
    """Full ink within `core` pixels of the pen's path, fading to none at `edge` pixels."""
    core: float = 0.9
    edge: float = 2.0


MNIST_BRUSH = Brush()


def blank() -> np.ndarray:
    """A canvas: float32 (28, 28) ink in [0, 1]."""
    return np.zeros((SIDE, SIDE), np.float32)


def stroke(canvas: np.ndarray, start: tuple[float, float], end: tuple[float, float],
           brush: Brush = MNIST_BRUSH) -> None:
    """Inks the segment start→end (x, y in canvas coordinates; equal ends make a dot): each
    pixel gets the brush's ink at its distance from the segment, where that is more."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = x1 - x0, y1 - y0
    length2 = dx * dx + dy * dy
    # The nearest point of the segment to each pixel centre, as a fraction along it.
    t = 0.0 if length2 == 0 else np.clip(((_CENTRES_X - x0) * dx + (_CENTRES_Y - y0) * dy) / length2, 0, 1)
    distance = np.hypot(_CENTRES_X - (x0 + t * dx), _CENTRES_Y - (y0 + t * dy))
    ink = np.clip((brush.edge - distance) / (brush.edge - brush.core), 0.0, 1.0)
    np.maximum(canvas, ink.astype(np.float32), out=canvas)


def as_image(canvas: np.ndarray) -> np.ndarray:
    """A canvas as a digit image: uint8 (28, 28)."""
    return np.clip(canvas * 255.0 + 0.5, 0, 255).astype(np.uint8)


def as_canvas(image: np.ndarray) -> np.ndarray:
    """A digit image (an opened picture) as a canvas to draw on further."""
    return image.astype(np.float32) * np.float32(1 / 255)


def read_picture(path: str | Path) -> np.ndarray:
    """A PNG, JPEG or other picture Pillow reads, as a digit image: uint8 (28, 28) (grey, light
    on dark, padded square and scaled, as an image folder's pictures are); a DataError with one
    line when it cannot be read or is too large."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError(f"{path}: cannot open the picture ({exc.strerror or exc})") from None
    if size > MAX_PICTURE_BYTES:
        raise DataError(f"{path}: {size / 2**20:.0f} MB is too large for a picture of a digit "
                        f"(at most {MAX_PICTURE_BYTES // 2**20} MB)")
    try:
        with Image.open(path) as picture:
            width, height = picture.size   # from the header: nothing decoded yet
            if width * height > MAX_PICTURE_PIXELS:
                raise DataError(f"{path}: {width}×{height} pixels is too large for a picture of a "
                                f"digit (at most {MAX_PICTURE_PIXELS // 1_000_000} million pixels)")
            picture.load()
            return to_digit_image(picture)
    except DataError:
        raise
    except Exception as exc:  # Pillow raises many kinds for damaged or foreign files
        raise DataError(f"{path}: not a readable picture ({short_reason(exc)})") from None
