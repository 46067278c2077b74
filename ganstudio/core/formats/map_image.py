"""The map of digit space (core/classroom/digit_map.py) as a picture for slides: the real digits
as one coloured cloud per class with a legend, G's fixed batch of fakes as black dots, each
fake's arrow (where G's loss pushes it), and under them the plane shaded by D's score, with its
colour scale and one line saying what the shade means; with Pillow's built-in font. Takes plain
arrays, so it knows nothing of how the map was computed. Also the map's timeline as a GIF, and
the shading's colours, which the window's view uses too (one scale for both)."""

from __future__ import annotations

import numpy as np

from ganstudio.core.files.atomic import written
from ganstudio.core.formats.timeline_images import text_font as _font

WIDTH, HEIGHT = 1280, 960
MARGIN, LEGEND = 40, 150
TITLE = 92
# Ten colours that stay apart on a projector (Tableau 10).
CLASS_COLOURS = ((31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189),
                 (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207))
UNLABELLED = (150, 150, 150)
FAKE, ARROW, TEXT, AXES = (0, 0, 0), (20, 20, 20), (30, 30, 30), (200, 200, 200)
# The shading's two ends (ColorBrewer's PRGn, safe for colour-blind eyes): green where D says
# "real", purple where it says "fake", the background where it cannot tell (0.5). Blended with
# the background at most SHADE_STRENGTH, so the clouds' colours stay readable over it.
REAL_TINT, FAKE_TINT = (27, 120, 55), (118, 42, 131)
SHADE_STRENGTH = 0.45
SHADE_MEANING = "shade: D's score for the image at each point of the plane (decoded from the two axes)"
MAP_GIF_SIZE = (960, 720)   # a timeline's frames: three quarters of the slide's size
MAP_FRAME_MS = 400
MAP_LAST_FRAME_MS = 2500


def shade_colours(scores: np.ndarray, background=(255, 255, 255), strength: float = SHADE_STRENGTH) -> np.ndarray:
    """uint8 (..., 3): each D score in [0, 1] as a colour: the background at 0.5, towards
    REAL_TINT as it nears 1 and FAKE_TINT as it nears 0 (in proportion to |2·score − 1|)."""
    t = np.clip(np.nan_to_num(np.asarray(scores, np.float64), nan=0.5), 0.0, 1.0)[..., None]
    amount = np.abs(2.0 * t - 1.0) * strength
    tint = np.where(t >= 0.5, np.array(REAL_TINT, np.float64), np.array(FAKE_TINT, np.float64))
    back = np.array(background[:3], np.float64)
    return np.rint(back * (1.0 - amount) + tint * amount).astype(np.uint8)


def render_map(real_points: np.ndarray, real_labels, fakes: np.ndarray, fakes_after: np.ndarray,
               iteration: int, size: tuple[int, int] = (WIDTH, HEIGHT), shade: np.ndarray | None = None,
               box: tuple[float, float, float, float] | None = None,
               view: tuple[float, float, float, float] | None = None,
               fake_scores: np.ndarray | None = None) -> np.ndarray:
    """uint8 (height, width, 3): the map, its title and a legend of the digits' colours; with
    `shade` (D's scores on the cells of `box`, row 0 at the bottom), the plane shaded by D and
    its colour scale. `view`: the part of the plane to show (x0, y0, x1, y1), e.g. the same for
    every frame of a timeline; by default the box, or all the points. `fake_scores`: D's score
    for each fake itself, its dot filled with it on the same scale at full strength (a fake lies
    off the plane: D may reject it where the plane around its dot looks real to D)."""
    from PIL import Image, ImageDraw

    width, height = size
    k = width / WIDTH   # type and marks scale with the picture

    def font(px: float):
        return _font(max(8, round(px * k)))

    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    left, top = round(MARGIN * k), round(TITLE * k)
    right, bottom = width - round(LEGEND * k), height - round(MARGIN * k)
    if view is None and box is not None and shade is not None:
        view = box
    if view is not None:
        low, high = np.array(view[:2], np.float64), np.array(view[2:], np.float64)
        span = np.maximum(high - low, 1e-9)
    else:
        every = np.concatenate([real_points, fakes, fakes_after])
        low, high = every.min(axis=0), every.max(axis=0)
        span = np.maximum(high - low, 1e-9)
        low, span = low - 0.04 * span, span * 1.08
    scale = min((right - left) / span[0], (bottom - top) / span[1])   # equal units on both axes
    centre = np.array([(left + right) / 2, (top + bottom) / 2])
    middle = low + span / 2

    def place(points: np.ndarray) -> np.ndarray:
        xy = (np.asarray(points, np.float64).reshape(-1, 2) - middle) * scale
        return np.column_stack([centre[0] + xy[:, 0], centre[1] - xy[:, 1]])   # up is +y

    if shade is not None and box is not None:
        (bx0, by1), (bx1, by0) = place(np.array([[box[0], box[1]], [box[2], box[3]]]))
        cells = Image.fromarray(shade_colours(np.asarray(shade)[::-1]), mode="RGB")   # top row: high y
        w, h = max(1, round(bx1 - bx0)), max(1, round(by1 - by0))
        image.paste(cells.resize((w, h), Image.Resampling.NEAREST), (round(bx0), round(by0)))
        # The frame's margins stay white: the shading is only where it was computed.
        draw.rectangle([0, 0, width, top - 1], fill=(255, 255, 255))
        draw.rectangle([0, bottom + 1, width, height], fill=(255, 255, 255))
        draw.rectangle([0, 0, left - 1, height], fill=(255, 255, 255))
        draw.rectangle([right + 1, 0, width, height], fill=(255, 255, 255))
    draw.rectangle([left, top, right, bottom], outline=AXES)
    reals = place(real_points)
    r = 2.5 * max(k, 0.6)
    for i, (x, y) in enumerate(reals):
        colour = CLASS_COLOURS[int(real_labels[i]) % 10] if real_labels is not None else UNLABELLED
        draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)
    starts, ends = place(fakes), place(fakes_after)
    for (x0, y0), (x1, y1) in zip(starts, ends):
        _arrow(draw, x0, y0, x1, y1, k)
    r = 4.5 * max(k, 0.6)
    fills = [FAKE] * len(starts) if fake_scores is None else \
        [tuple(c) for c in shade_colours(fake_scores, strength=1.0).tolist()]
    for (x, y), fill in zip(starts, fills):
        draw.ellipse([x - r, y - r, x + r, y + r], fill=fill, outline=FAKE if fake_scores is not None else (255, 255, 255),
                     width=max(1, round(1.5 * k)))

    draw.text((left, round(14 * k)), f"Digit space at iteration {iteration:,}", fill=TEXT, font=font(26))
    fakes_are = "G's fakes, filled by D's score for each" if fake_scores is not None else "black dots: G's fakes"
    draw.text((left, round(46 * k)), "the real digits' two main directions of variation (PCA of pixels, fixed); "
              f"{fakes_are}; arrows: where G's loss pushes each one", fill=TEXT, font=font(15))
    if shade is not None:
        draw.text((left, round(68 * k)), SHADE_MEANING, fill=TEXT, font=font(15))
    legend_x = right + round(24 * k)
    row_height, dot = 30 * k, 16 * k
    if real_labels is not None:
        present = sorted({int(label) % 10 for label in np.unique(real_labels)})   # the classes shown
        for row, digit in enumerate(present):
            y = top + 10 * k + row * row_height
            draw.ellipse([legend_x, y, legend_x + dot, y + dot], fill=CLASS_COLOURS[digit])
            draw.text((legend_x + 26 * k, y + dot / 2), f"real {digit}", fill=TEXT, font=font(18), anchor="lm")
        y = top + 10 * k + len(present) * row_height + 10 * k
    else:
        draw.ellipse([legend_x, top + 10 * k, legend_x + dot, top + 10 * k + dot], fill=UNLABELLED)
        draw.text((legend_x + 26 * k, top + 10 * k + dot / 2), "real", fill=TEXT, font=font(18), anchor="lm")
        y = top + 50 * k
    draw.ellipse([legend_x + 2 * k, y + 2 * k, legend_x + dot - 2 * k, y + dot - 2 * k],
                 fill=FAKE if fake_scores is None else (255, 255, 255), outline=FAKE, width=max(1, round(1.5 * k)))
    draw.text((legend_x + 26 * k, y + dot / 2), "fake", fill=TEXT, font=font(18), anchor="lm")
    if shade is not None:
        _colour_scale(image, draw, legend_x, round(y + 50 * k), k, font)
    return np.asarray(image)


def _colour_scale(image, draw, x: int, y: int, k: float, font) -> None:
    """The shading's scale, upright: D's score 1 ("real") at the top, 0 ("fake") at the bottom."""
    from PIL import Image

    draw.text((x, y), "D's score", fill=TEXT, font=font(16))
    y += round(26 * k)
    bar_w, bar_h = max(8, round(20 * k)), max(40, round(200 * k))
    scores = np.linspace(1.0, 0.0, bar_h)[:, None].repeat(bar_w, axis=1)
    image.paste(Image.fromarray(shade_colours(scores), mode="RGB"), (x, y))
    draw.rectangle([x - 1, y - 1, x + bar_w, y + bar_h], outline=AXES)   # around it, not over its ends
    for value, words in ((1.0, "1  real"), (0.5, "0.5"), (0.0, "0  fake")):
        ty = y + (1.0 - value) * (bar_h - 1)
        draw.line([x + bar_w, ty, x + bar_w + 5 * k, ty], fill=TEXT)
        draw.text((x + bar_w + 8 * k, ty), words, fill=TEXT, font=font(15), anchor="lm")


def _arrow(draw, x0: float, y0: float, x1: float, y1: float, k: float = 1.0) -> None:
    width = max(1, round(2 * k))
    draw.line([x0, y0, x1, y1], fill=ARROW, width=width)
    length = float(np.hypot(x1 - x0, y1 - y0))
    if length < 1:
        return
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    head = min(10.0 * k, 0.5 * length)
    for side in (1, -1):   # two strokes at ±25° back from the tip
        c, s = np.cos(np.radians(25)), side * np.sin(np.radians(25))
        bx, by = -(ux * c - uy * s), -(ux * s + uy * c)
        draw.line([x1, y1, x1 + head * bx, y1 + head * by], fill=ARROW, width=width)


def save_map_gif(frames, path, size: tuple[int, int] = MAP_GIF_SIZE) -> None:
    """An endless animation of maps (DigitMap-like: real_points, real_labels, fakes, fakes_after,
    iteration, shade, box), oldest first, all on one view of the plane (the union of their
    boxes), so a dot that moves is G changing; the last frame held longer."""
    from PIL import Image

    frames = list(frames)
    if not frames:
        raise ValueError("a map timeline needs at least one frame")
    boxes = np.array([f.box for f in frames], np.float64)
    view = (boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max(), boxes[:, 3].max())
    palette = _gif_palette()
    pictures = []
    for f in frames:
        rgb = render_map(f.real_points, f.real_labels, f.fakes, f.fakes_after, f.iteration, size,
                         f.shade, f.box, view, f.fake_scores)
        # One fixed palette for every frame (fast, and no colour flicker from frame to frame).
        pictures.append(Image.fromarray(rgb, mode="RGB").quantize(palette=palette, dither=Image.Dither.NONE))
    durations = [MAP_FRAME_MS] * (len(pictures) - 1) + [MAP_LAST_FRAME_MS]
    with written(path) as handle:
        pictures[0].save(handle, format="GIF", save_all=True, append_images=pictures[1:],
                         duration=durations, loop=0)


def _gif_palette():
    """A palette image of the map's colours: the classes, the marks, greys for the type's
    edges, and the shading's scale in fine steps (its two halves)."""
    from PIL import Image

    fixed = [(255, 255, 255), FAKE, ARROW, TEXT, AXES, UNLABELLED, *CLASS_COLOURS]
    greys = [(g, g, g) for g in np.linspace(0, 255, 18).round().astype(int).tolist()]
    steps = np.linspace(0.0, 1.0, (256 - len(fixed) - len(greys)) // 2)
    shades = [tuple(c) for c in np.concatenate([shade_colours(steps), shade_colours(steps, strength=1.0)]).tolist()]
    colours = (fixed + greys + shades)[:256]
    palette = Image.new("P", (1, 1))
    palette.putpalette([v for colour in colours for v in colour] + [0] * (3 * (256 - len(colours))))
    return palette
