"""The map of digit space (core/classroom/digit_map.py) as a picture for slides: the real digits
as one coloured cloud per class with a legend, G's fixed batch of fakes as black dots, and each
fake's arrow (where G's loss pushes it), on white, with Pillow's built-in font. Takes plain
arrays, so it knows nothing of how the map was computed."""

from __future__ import annotations

import numpy as np

from ganstudio.core.formats.timeline_images import text_font as _font

WIDTH, HEIGHT = 1280, 960
MARGIN, LEGEND = 40, 150
TITLE = 70
# Ten colours that stay apart on a projector (Tableau 10).
CLASS_COLOURS = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
                 (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207))
UNLABELLED = (150, 150, 150)
FAKE, ARROW, TEXT, AXES = (0, 0, 0), (20, 20, 20), (30, 30, 30), (200, 200, 200)


def render_map(real_points: np.ndarray, real_labels, fakes: np.ndarray, fakes_after: np.ndarray,
               iteration: int, size: tuple[int, int] = (WIDTH, HEIGHT)) -> np.ndarray:
    """uint8 (height, width, 3): the map, its title and a legend of the digits' colours."""
    from PIL import Image, ImageDraw

    width, height = size
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    left, top = MARGIN, TITLE
    right, bottom = width - LEGEND, height - MARGIN
    every = np.concatenate([real_points, fakes, fakes_after])
    low, high = every.min(axis=0), every.max(axis=0)
    span = np.maximum(high - low, 1e-9)
    low, span = low - 0.04 * span, span * 1.08
    scale = min((right - left) / span[0], (bottom - top) / span[1])   # equal units on both axes
    centre = np.array([(left + right) / 2, (top + bottom) / 2])
    middle = low + span / 2

    def place(points: np.ndarray) -> np.ndarray:
        xy = (points - middle) * scale
        return np.column_stack([centre[0] + xy[:, 0], centre[1] - xy[:, 1]])   # up is +y

    draw.rectangle([left, top, right, bottom], outline=AXES)
    reals = place(real_points)
    for i, (x, y) in enumerate(reals):
        colour = CLASS_COLOURS[int(real_labels[i]) % 10] if real_labels is not None else UNLABELLED
        draw.ellipse([x - 2.5, y - 2.5, x + 2.5, y + 2.5], fill=colour)
    starts, ends = place(fakes), place(fakes_after)
    for (x0, y0), (x1, y1) in zip(starts, ends):
        _arrow(draw, x0, y0, x1, y1)
    for x, y in starts:
        draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=FAKE, outline=(255, 255, 255))

    draw.text((MARGIN, 14), f"Digit space at iteration {iteration:,}", fill=TEXT, font=_font(26))
    draw.text((MARGIN, 46), "the real digits' two main directions of variation (PCA of pixels, fixed); "
              "black dots: G's fakes; arrows: where G's loss pushes each one",
              fill=TEXT, font=_font(15))
    legend_x = right + 24
    if real_labels is not None:
        present = sorted({int(label) % 10 for label in np.unique(real_labels)})   # the classes shown
        for row, digit in enumerate(present):
            y = top + 10 + row * 30
            draw.ellipse([legend_x, y, legend_x + 16, y + 16], fill=CLASS_COLOURS[digit])
            draw.text((legend_x + 26, y + 8), f"real {digit}", fill=TEXT, font=_font(18), anchor="lm")
        y = top + 10 + len(present) * 30 + 10
    else:
        draw.ellipse([legend_x, top + 10, legend_x + 16, top + 26], fill=UNLABELLED)
        draw.text((legend_x + 26, top + 18), "real", fill=TEXT, font=_font(18), anchor="lm")
        y = top + 50
    draw.ellipse([legend_x + 2, y + 2, legend_x + 14, y + 14], fill=FAKE)
    draw.text((legend_x + 26, y + 8), "fake", fill=TEXT, font=_font(18), anchor="lm")
    return np.asarray(image)


def _arrow(draw, x0: float, y0: float, x1: float, y1: float) -> None:
    draw.line([x0, y0, x1, y1], fill=ARROW, width=2)
    length = float(np.hypot(x1 - x0, y1 - y0))
    if length < 1:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    head = min(10.0, 0.5 * length)
    for side in (1, -1):   # two strokes at ±25° back from the tip
        c, s = np.cos(np.radians(25)), side * np.sin(np.radians(25))
        bx, by = -(ux * c - uy * s), -(ux * s + uy * c)
        draw.line([x1, y1, x1 + head * bx, y1 + head * by], fill=ARROW, width=2)
