"""A digit drawn by hand or opened from a picture (core/classroom/hand_drawing.py)."""

import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from ganstudio.core.classroom import hand_drawing as drawing
from ganstudio.core.errors import DataError


def test_a_stroke_inks_its_path_fully_and_fades_at_its_edges():
    canvas = drawing.blank()
    drawing.stroke(canvas, (14.0, 4.0), (14.0, 24.0))
    assert canvas[4:24, 13:15].min() == 1.0          # on the pen's path: full ink
    assert canvas[:, :10].max() == 0.0 and canvas[:, 18:].max() == 0.0   # far away: none
    edge = canvas[10, 15]                              # 1.5 px from the path: between
    assert 0.0 < edge < 1.0
    assert canvas[0:2].max() == 0.0                    # the ends are round, not endless


def test_a_dot_and_strokes_only_ever_add_ink():
    canvas = drawing.blank()
    drawing.stroke(canvas, (5.0, 5.0), (5.0, 5.0))
    assert canvas[4:6, 4:6].min() == 1.0 and canvas.sum() < 20
    before = canvas.copy()
    drawing.stroke(canvas, (20.0, 5.0), (20.0, 20.0))
    assert (canvas >= before).all() and canvas.sum() > before.sum()


def test_a_canvas_becomes_a_uint8_digit_and_back():
    canvas = drawing.blank()
    drawing.stroke(canvas, (8.0, 14.0), (20.0, 14.0))
    image = drawing.as_image(canvas)
    assert image.dtype == np.uint8 and image.shape == (28, 28) and image.max() == 255
    assert np.abs(drawing.as_canvas(image) - canvas).max() <= 1 / 255


def test_a_dark_on_light_picture_becomes_a_light_on_dark_digit(tmp_path):
    picture = np.full((60, 40), 255, np.uint8)
    picture[10:50, 16:24] = 0                         # a black "1" on white paper
    path = tmp_path / "one.png"
    Image.fromarray(picture).save(path)
    image = drawing.read_picture(path)
    assert image.shape == (28, 28) and image.dtype == np.uint8
    assert image[14, 14] > 200 and image[14, 3] < 30 and image[0, 0] < 30


def _png_header_only(path, width, height):
    """A PNG whose header claims width×height pixels, with no pixel data to speak of."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))


def test_a_huge_picture_is_refused_from_its_header(tmp_path):
    path = tmp_path / "huge.png"
    _png_header_only(path, 8_000, 8_000)
    with pytest.raises(DataError, match=r"huge.png: 8000×8000 pixels is too large"):
        drawing.read_picture(path)


def test_a_large_file_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    path = tmp_path / "big.png"
    Image.fromarray(np.zeros((28, 28), np.uint8)).save(path)
    monkeypatch.setattr(drawing, "MAX_PICTURE_BYTES", 10)
    with pytest.raises(DataError, match="big.png: .* too large"):
        drawing.read_picture(path)


@pytest.mark.parametrize("content", [b"", b"not a picture at all", b"\x89PNG\r\n\x1a\n broken"])
def test_a_file_that_is_no_picture_gets_one_line(tmp_path, content):
    path = tmp_path / "digit.png"
    path.write_bytes(content)
    with pytest.raises(DataError, match="digit.png: not a readable picture") as error:
        drawing.read_picture(path)
    assert "\n" not in str(error.value)


def test_a_missing_file_gets_one_line(tmp_path):
    with pytest.raises(DataError, match="nothing.png: cannot open the picture"):
        drawing.read_picture(tmp_path / "nothing.png")
