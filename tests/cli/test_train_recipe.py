"""`ganstudio train --recipe` (issue 22 part 3): every run folder holds its recipe, and the
recipe trains the run again bit for bit; a bad recipe is one line and exit status 2."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ganstudio.cli.main import main
from ganstudio.core.files.manifest import check_file_set
from ganstudio.core.formats.recipe import Recipe, read_recipe_file

TINY = ["--set", "g_hidden=24", "--set", "d_hidden=24", "--set", "noise_dim=8", "--set", "batch_size=16"]


def weights(folder):
    with np.load(folder / "checkpoint.npz", allow_pickle=False) as saved:
        return {key: saved[key] for key in saved.files if key.startswith("algo.")}


def assert_same_weights(a, b):
    first, second = weights(a), weights(b)
    assert first.keys() == second.keys() and any("generator" in key for key in first)
    for key in first:
        assert np.array_equal(first[key], second[key]), key


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    out = tmp_path_factory.mktemp("original")
    assert main(["train", "--preset", "fast", *TINY, "--set", "lr_g=0.0031", "--seed", "7",
                 "--digits", "3,5,8", "--iterations", "25", "--out", str(out)]) == 0
    return out


def test_every_run_folder_holds_its_recipe_in_its_manifest(original):
    manifest = check_file_set(original)
    assert "recipe.toml" in manifest["files"]
    recipe = read_recipe_file(original / "recipe.toml")
    assert Recipe.from_line(manifest["recipe"]) == recipe
    assert recipe.preset == "fast" and recipe.seed == 7 and recipe.digits == (3, 5, 8)
    assert recipe.data == "bundled"
    assert recipe.settings == {"g_hidden": (24,), "d_hidden": (24,), "noise_dim": 8, "batch_size": 16,
                               "lr_g": 0.0031, "iterations": 25}
    assert recipe.config() == recipe.config().__class__.from_json(
        json.dumps(json.loads((original / "config.json").read_text())))


def test_the_recipe_file_trains_the_run_again_bit_for_bit(original, tmp_path):
    again = tmp_path / "again"
    assert main(["train", "--recipe", str(original / "recipe.toml"), "--out", str(again)]) == 0
    assert_same_weights(original, again)
    assert (again / "recipe.toml").read_text() == (original / "recipe.toml").read_text()


def test_the_recipe_line_trains_the_run_again_bit_for_bit(original, tmp_path):
    line = check_file_set(original)["recipe"]
    wrapped = line[:40] + "\n  " + line[40:]   # as a mail client sends it
    again = tmp_path / "again"
    assert main(["train", "--recipe", wrapped, "--out", str(again)]) == 0
    assert_same_weights(original, again)


def test_a_scenario_run_names_its_scenario_and_stops_where_it_was_stopped(tmp_path):
    out = tmp_path / "run"
    assert main(["train", "--scenario", "strong-d", *TINY, "--iterations", "3", "--out", str(out)]) == 0
    recipe = read_recipe_file(out / "recipe.toml")
    assert recipe.scenario == "strong-d" and recipe.config().iterations == 3
    assert recipe.settings["lr_d"] == 5e-3


@pytest.mark.parametrize("extra", [["--seed", "3"], ["--preset", "mlp"], ["--set", "lr_g=0.1"],
                                   ["--data", "mnist"], ["--digits", "3"], ["--scenario", "classic"]])
def test_a_recipe_with_another_setup_option_is_one_line(original, tmp_path, capsys, extra):
    status = main(["train", "--recipe", str(original / "recipe.toml"), *extra, "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("ganstudio: error: --recipe") and err.count("\n") == 1
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("recipe", [
    "ganstudio:v1:preset=fast;seed=0;sum=00000000",
    "ganstudio:v1:preset=fast;seed=0",
    "ganstudio:v9:whatever",
    "no-such-file.toml",
])
def test_a_bad_recipe_is_one_line_and_status_2(tmp_path, capsys, recipe, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status = main(["train", "--recipe", recipe, "--out", str(tmp_path / "x")])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith("ganstudio: error: ") and err.count("\n") == 1
    assert "Traceback" not in err and not (tmp_path / "x").exists()


def test_a_hostile_recipe_file_is_one_line_and_status_2(tmp_path, capsys):
    for name, data in {"bin": b"\x80\x81\xfe", "deep": b"a = " + b"[" * 200_000,
                       "huge": b"x" * 10_000_000}.items():
        (tmp_path / name).write_bytes(data)
        status = main(["train", "--recipe", str(tmp_path / name), "--out", str(tmp_path / "x")])
        err = capsys.readouterr().err
        assert status == 2 and err.startswith("ganstudio: error: ") and err.count("\n") == 1, err
