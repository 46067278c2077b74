"""`ganstudio map CKPT --out map.png` (issue 22 part 1): a picture for slides; bad input is one
line and status 2, and nothing is written."""

from __future__ import annotations

import pytest
from PIL import Image

from ganstudio.cli.main import main
from ganstudio.core.formats.map_image import HEIGHT, WIDTH

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
