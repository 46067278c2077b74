"""The digit mosaic the grid, the PNG export and `ganstudio sample` all draw from."""

from __future__ import annotations

import numpy as np
import pytest

from ganstudio.core.formats.run_outputs import tile_digits


@pytest.mark.parametrize("count, rows, cols, gap", [(100, 10, 10, 2), (7, 2, 5, 2), (12, 3, 3, 0),
                                                     (0, 6, 2, 2), (5, 1, 5, 3)])
def test_each_digit_lands_in_its_cell_and_the_rest_is_black(count, rows, cols, gap):
    images = np.random.default_rng(count).integers(1, 256, (count, 28, 28), dtype=np.uint8)
    mosaic = tile_digits(images, rows, cols, gap=gap)
    assert mosaic.shape == (rows * (28 + gap) - gap, cols * (28 + gap) - gap)
    assert mosaic.dtype == np.uint8 and mosaic.flags["C_CONTIGUOUS"]
    expected = np.zeros_like(mosaic)
    for index in range(min(count, rows * cols)):   # the obvious, slow layout, cell by cell
        r, c = divmod(index, cols)
        top, left = r * (28 + gap), c * (28 + gap)
        expected[top:top + 28, left:left + 28] = images[index]
    assert np.array_equal(mosaic, expected)


def test_the_mosaic_is_a_fresh_array():
    images = np.full((4, 28, 28), 9, np.uint8)
    mosaic = tile_digits(images, 2, 2)
    images[:] = 0
    assert mosaic.max() == 9


@pytest.mark.parametrize("write", ["png", "csv"])
def test_a_failed_export_leaves_the_old_file_whole_and_no_temporary(tmp_path, monkeypatch, write):
    import os

    from ganstudio.core.formats.run_outputs import save_png, write_metrics_csv

    path = tmp_path / ("grid.png" if write == "png" else "metrics.csv")
    export = {"png": lambda: save_png(np.full((28, 28), 200, np.uint8), path),
              "csv": lambda: write_metrics_csv({"iteration": [1, 2], "d_real": [0.5, 0.6]}, path)}[write]
    export()
    before = path.read_bytes()

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        export()
    assert path.read_bytes() == before              # not truncated: a full disk overwrote it before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
