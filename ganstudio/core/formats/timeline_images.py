"""A timeline (core/training/timeline.py) as pictures to take home: an animated GIF and a PNG contact
sheet, each frame the 10×10 digit grid with its iteration written under it. Shared by the
command line (`ganstudio train` writes timeline.gif) and the window's File menu.

The text is drawn with Pillow's own default font (built into Pillow, nothing downloaded)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from ganstudio.core.files.atomic import written
from ganstudio.core.formats.run_outputs import save_png, tile_digits

GRID_ROWS = GRID_COLS = 10
FRAME_MS = 150          # each kept frame of the animation
LAST_FRAME_MS = 2500    # the final digits stay a while before the loop starts again
GIF_SCALE = 2           # 596 px wide: legible on a screen, a few MB for a long run
SHEET_FRAMES = 20       # a contact sheet shows at most this many frames, first and last included
SHEET_COLUMNS = 5
SHEET_GAP = 8
BAND = 18               # height of the label band under a frame, per unit of scale
BAND_GREY, TEXT_GREY, SHEET_GREY = 48, 255, 96


@lru_cache(maxsize=4)
def text_font(size: int):
    """Pillow's built-in font at `size` px (the timeline's labels, the map's text)."""
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)   # Pillow's built-in scalable font
    except (ImportError, OSError, TypeError):      # Pillow built without FreeType: its bitmap font
        return ImageFont.load_default()


def label_text(iteration: int) -> str:
    return f"iteration {iteration:,}"


def labelled_frame(images: np.ndarray, iteration: int, scale: int = 1) -> np.ndarray:
    """uint8 (H, W): the grid of `images`, `scale` times enlarged (whole pixels), over a band
    that says its iteration."""
    from PIL import Image, ImageDraw

    mosaic = tile_digits(images, GRID_ROWS, GRID_COLS)
    if scale > 1:
        mosaic = mosaic.repeat(scale, axis=0).repeat(scale, axis=1)
    height, width = mosaic.shape
    band = BAND * scale
    canvas = Image.new("L", (width, height + band), BAND_GREY)
    canvas.paste(Image.fromarray(mosaic, mode="L"), (0, 0))
    draw = ImageDraw.Draw(canvas)
    draw.text((6 * scale, height + band // 2), label_text(iteration), fill=TEXT_GREY,
              font=text_font(13 * scale), anchor="lm")
    return np.asarray(canvas)


def save_gif(iterations, frames, path, scale: int = GIF_SCALE) -> None:
    """An endless animation of the frames, oldest first; the last one held longer. To a path,
    or to an open file (atomic.written)."""
    from PIL import Image

    if not frames:
        raise ValueError("a timeline GIF needs at least one frame")
    pictures = [Image.fromarray(labelled_frame(f, i, scale), mode="L") for i, f in zip(iterations, frames)]
    durations = [FRAME_MS] * (len(pictures) - 1) + [LAST_FRAME_MS]
    with written(path) as handle:
        pictures[0].save(handle, format="GIF", save_all=True, append_images=pictures[1:],
                         duration=durations, loop=0)


def sheet_picks(count: int, most: int = SHEET_FRAMES) -> list[int]:
    """Indices of up to `most` frames of `count`, evenly spread, the first and last included."""
    if count <= most:
        return list(range(count))
    return sorted({round(k * (count - 1) / (most - 1)) for k in range(most)})


def contact_sheet(iterations, frames, most: int = SHEET_FRAMES, columns: int = SHEET_COLUMNS) -> np.ndarray:
    """uint8 (H, W): up to `most` labelled frames, row by row, on a grey sheet."""
    picks = sheet_picks(len(frames), most)
    if not picks:
        raise ValueError("a contact sheet needs at least one frame")
    cells = [labelled_frame(frames[k], iterations[k]) for k in picks]
    cell_h, cell_w = cells[0].shape
    cols = min(columns, len(cells))
    rows = -(-len(cells) // cols)
    sheet = np.full((rows * (cell_h + SHEET_GAP) + SHEET_GAP, cols * (cell_w + SHEET_GAP) + SHEET_GAP),
                    SHEET_GREY, np.uint8)
    for n, cell in enumerate(cells):
        top = SHEET_GAP + (n // cols) * (cell_h + SHEET_GAP)
        left = SHEET_GAP + (n % cols) * (cell_w + SHEET_GAP)
        sheet[top:top + cell_h, left:left + cell_w] = cell
    return sheet


def save_contact_sheet(iterations, frames, path: str | Path) -> None:
    save_png(contact_sheet(iterations, frames), path)
