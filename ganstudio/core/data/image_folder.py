"""A folder of PNG/JPEG images: the folder itself and its direct sub-folders. When every
image sits in a sub-folder named 0-9, the folder name is its label.

Each image becomes MNIST-like: grayscale, light digit on a dark background (dark-on-light
pictures, detected by their border, are inverted), padded to a square and resized to 28x28.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from ganstudio.core.data.dataset import IMAGE_SHAPE, Dataset, describe
from ganstudio.core.data.sniff import short_reason
from ganstudio.core.errors import DataError

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg"})
_LABEL_FOLDERS = {str(digit): digit for digit in range(10)}


def _visible(path: Path) -> bool:
    return not path.name.startswith(".")


def _images_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if _visible(p) and p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES)


def list_images(folder: Path) -> list[tuple[Path, int | None]]:
    """(image path, label or None) for the folder and its direct sub-folders, sorted."""
    try:
        top = _images_in(folder)
        subfolders = sorted(p for p in folder.iterdir() if _visible(p) and p.is_dir())
        nested = [(p, sub.name) for sub in subfolders for p in _images_in(sub)]
    except OSError as exc:
        raise DataError(f"{folder}: cannot list the folder ({exc.strerror or exc})") from None
    labelled = not top and nested and all(name in _LABEL_FOLDERS for _, name in nested)
    return [(p, None) for p in top] + [(p, _LABEL_FOLDERS[name] if labelled else None) for p, name in nested]


def to_digit_image(picture: Image.Image) -> np.ndarray:
    """uint8 (28, 28), light strokes on black."""
    if picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info:
        # transparent areas count as white paper, not as black
        white = Image.new("RGBA", picture.size, (255, 255, 255, 255))
        picture = Image.alpha_composite(white, picture.convert("RGBA"))
    gray = picture.convert("L")
    pixels = np.asarray(gray)
    border = np.concatenate([pixels[0], pixels[-1], pixels[:, 0], pixels[:, -1]])
    if border.mean() > 127:
        gray = ImageOps.invert(gray)
    square = ImageOps.pad(gray, IMAGE_SHAPE, color=0)  # bicubic, antialiased when shrinking
    return np.asarray(square, dtype=np.uint8)


def read_image(path: Path) -> np.ndarray:
    try:
        with Image.open(path) as picture:
            picture.load()
            return to_digit_image(picture)
    except Exception as exc:  # Pillow raises many kinds for damaged or foreign files
        raise DataError(f"{path}: not a readable image ({short_reason(exc)})") from None


def open_image_folder(folder: Path) -> Dataset:
    entries = list_images(folder)
    if not entries:
        raise DataError(f"{folder}: contains no PNG or JPEG images (looked in it and its sub-folders)")
    images = np.stack([read_image(path) for path, _ in entries])
    labels = None
    if entries[0][1] is not None:
        labels = np.array([label for _, label in entries], dtype=np.int64)
    return Dataset(images, labels, describe(folder.name or str(folder), len(images), "images"), str(folder))
