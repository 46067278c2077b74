"""`ganstudio map CKPT --out map.png` (issue 22 part 1): a picture for slides; bad input is one
line and status 2, and nothing is written."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from ganstudio.cli.main import main
from ganstudio.core.classroom.digit_map import digit_map
from ganstudio.core.formats.checkpoint import resume_session
from ganstudio.core.formats.map_image import HEIGHT, WIDTH, shade_colours

TINY = ["--set", "g_hidden=24", "--set", "d_hidden=24", "--set", "noise_dim=8", "--set", "batch_size=16"]


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory):
    out = tmp_path_factory.mktemp("run")
    assert main(["train", *TINY, "--digits", "1,7", "--iterations", "5", "--out", str(out)]) == 0
    return out / "checkpoint.npz"


def test_map_writes_a_picture_of_the_run_on_its_own_data(checkpoint, tmp_path, capsys):
    out = tmp_path / "map.png"
    assert main(["map", str(checkpoint), "--out", str(out)]) == 0
    with Image.open(out) as image:
        assert image.size == (WIDTH, HEIGHT) and image.mode == "RGB"
        colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    assert (255, 127, 14) in colours and (127, 127, 127) in colours   # the 1s and the 7s
    assert (31, 119, 180) not in colours                               # no 0s in this data
    said = capsys.readouterr().out
    assert said.startswith(f"wrote {out}") and "100 fakes at iteration 5" in said


def test_the_map_is_shaded_by_ds_scores_with_their_scale(checkpoint, tmp_path):
    out = tmp_path / "map.png"
    assert main(["map", str(checkpoint), "--out", str(out)]) == 0
    found = digit_map(resume_session(str(checkpoint)))
    with Image.open(out) as image:
        pixels = np.asarray(image.convert("RGB")).reshape(-1, 3)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    seen = dict(zip(map(tuple, colours.tolist()), counts.tolist()))
    cells = {tuple(c) for c in shade_colours(found.shade).reshape(-1, 3).tolist()} - {(255, 255, 255)}
    # The cells' colours cover a good part of the picture (the plot is most of it) ...
    assert sum(seen.get(colour, 0) for colour in cells) > 0.25 * WIDTH * HEIGHT
    # ... and the scale shows both ends, "fake" (0) and "real" (1).
    for end in (0.0, 1.0):
        assert tuple(shade_colours(np.array(end)).tolist()) in seen


def test_train_writes_the_map_timeline_when_asked(tmp_path, capsys):
    out = tmp_path / "run"
    assert main(["train", *TINY, "--digits", "1,7", "--iterations", "250", "--map-timeline",
                 "--out", str(out)]) == 0
    with Image.open(out / "map_timeline.gif") as gif, Image.open(out / "timeline.gif") as grids:
        assert gif.n_frames == grids.n_frames == 4   # iterations 0, 100, 200 and the last, 250
        assert gif.size == (960, 720)
    assert "map_timeline.gif" in (out / "manifest.json").read_text()
    plain = tmp_path / "plain"
    assert main(["train", *TINY, "--iterations", "3", "--out", str(plain)]) == 0
    assert not (plain / "map_timeline.gif").exists()


@pytest.mark.parametrize("args, said", [
    (["--out", "map.jpg"], "--out must end in .png"),
    (["--out", "no/such/folder/map.png"], "cannot write"),
    (["--digits", "3", "--out", "map.png"], ""),
])
def test_bad_map_arguments_are_one_line(checkpoint, tmp_path, capsys, monkeypatch, args, said):
    monkeypatch.chdir(tmp_path)
    assert main(["map", str(checkpoint), *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("ganstudio: error: ") and said in err and err.count("\n") == 1
    assert not (tmp_path / "map.png").exists()


def test_a_missing_or_foreign_checkpoint_is_one_line(tmp_path, capsys):
    (tmp_path / "foreign.npz").write_bytes(b"PK\x03\x04 not really")
    for name in ("missing.npz", "foreign.npz"):
        assert main(["map", str(tmp_path / name), "--out", str(tmp_path / "map.png")]) == 2
        err = capsys.readouterr().err
        assert err.startswith("ganstudio: error: ") and err.count("\n") == 1 and name in err
    assert not (tmp_path / "map.png").exists()
