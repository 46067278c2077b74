"""Bad input gets one clear line, and nothing is allocated beyond what the input justifies:
settings, dataset sizes, checkpoints and data files (issue #11)."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import PRESETS, get_preset
from ganstudio.core.config.settings import (
    GANConfig,
    check_dataset_size,
    discriminator_shapes,
    generator_shapes,
    parameter_count,
)
from ganstudio.core.data import Dataset
from ganstudio.core.errors import ConfigError
from ganstudio.core.formats.checkpoint import load_checkpoint, save_checkpoint
from ganstudio.core.training.session import TrainingSession

from support.commands import ganstudio

TINY = {"g_hidden": (16,), "d_hidden": (16,), "noise_dim": 8, "batch_size": 8}


# ---------------------------------------------------------------- settings
@pytest.mark.parametrize("setting, expected", [
    ("lr_decay=0", "lr_decay must be in [1, 2]"),
    ("lr_decay=0.5", "lr_decay must be in [1, 2]"),
    ("equilibrium_window=0", "equilibrium_window must be an integer from 1 to 1,000"),
    ("equilibrium_window=1001", "equilibrium_window must be an integer from 1 to 1,000"),
    ("d_maxout_pieces=0", "d_maxout_pieces"),
    ("g_hidden=-5", "g_hidden must be at most 8 layer widths, each from 1 to 4,096, not -5"),
    ("d_hidden=0", "d_hidden"),
    ("g_hidden=1,2,3,4,5,6,7,8,9", "g_hidden"),
    ("sample_count=-1", "sample_count"),
    ("sample_count=100000", "sample_count"),
    ("fake_per_iter=-5", "fake_per_iter"),
    ("real_per_iter=0", "real_per_iter"),
    ("batch_size=1000000", "batch_size must be an integer from 1 to 4,096"),
    ("noise_dim=100000000", "noise_dim"),
    ("seed=-1", "seed"),
    ("iterations=-1", "iterations"),
    ("momentum_ramp=-1", "momentum_ramp"),
    ("lr_d=nan", "lr_d must be a number"),
    ("lr_g=inf", "lr_g must be a number"),
    ("lr_g=0", "lr_g must be in (0, inf)"),
    ("lr_min=-1", "lr_min"),
    ("beta1=2", "beta1 must be in [0, 1)"),
    ("beta2=-1", "beta2"),
    ("momentum=5", "momentum"),
    ("momentum_final=1", "momentum_final"),
    ("weight_decay=-1", "weight_decay"),
    ("stop_tolerance=-1", "stop_tolerance"),
    ("leaky_slope=nan", "leaky_slope"),
    ("d_real_label=0.2", "d_real_label"),
    ("g_ema=nan", "g_ema"),
    ("clusters=1", "clusters"),
    ("clusters=101", "clusters"),
    ("g_hidden=4096,4096", "the generator would have"),
])
def test_every_bad_setting_is_one_config_error(setting, expected):
    key, _, value = setting.partition("=")
    with pytest.raises(ConfigError, match="^" + re.escape(expected)) as caught:
        with_overrides(get_preset("fast"), {key: value})
    assert "\n" not in str(caught.value)


def test_classic_batches_must_fit_in_its_noise_rows():
    with pytest.raises(ConfigError, match="batch_size .* at most fake_per_iter"):
        with_overrides(get_preset("seed"), {"fake_per_iter": 50})


# One wrong value per kind of setting (bool before int: a bool is an int in Python).
WRONG_VALUES = {bool: 3, int: 3.5, float: True, tuple: (1.5,), str: 7}


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(GANConfig)])
def test_every_setting_has_its_type_checked_on_every_path(field):
    """Typed values (the window's panel), JSON (checkpoints) and text (--set) meet one check."""
    base = get_preset("mlp")
    wrong = next(value for kind, value in WRONG_VALUES.items() if isinstance(getattr(base, field), kind))
    with pytest.raises(ConfigError, match=f"^{field} must be"):
        with_overrides(base, {field: wrong})
    data = json.loads(base.to_json())
    data[field] = list(wrong) if isinstance(wrong, tuple) else wrong
    with pytest.raises(ConfigError, match=f"^{field} must be"):
        GANConfig.from_json(json.dumps(data))


@pytest.mark.parametrize("text", ["[1, 2]", '"fast"', "{not json", '{"g_hidden": 5}'])
def test_a_damaged_config_text_is_a_config_error(text):
    with pytest.raises(ConfigError):
        GANConfig.from_json(text)


def test_whole_numbers_for_float_settings_are_the_same_setting():
    data = {**json.loads(get_preset("mlp").to_json()), "lr_decay": 1, "d_real_label": 1}
    config = GANConfig.from_json(json.dumps(data))
    assert config == get_preset("mlp") and isinstance(config.lr_decay, float)


@pytest.mark.parametrize("name", list(PRESETS))
def test_the_presets_are_valid_and_the_sizes_match_the_networks(name):
    for config in (get_preset(name), with_overrides(get_preset(name), {"d_activation": "maxout",
                                                                      "d_maxout_pieces": 3})):
        session = TrainingSession(config)
        sizes = {key: net.flat_params.size for key, net in session.algorithm.networks.items()}
        assert sizes["discriminator"] == parameter_count(discriminator_shapes(config))
        generator = sizes.get("generator", sizes.get("first_network"))
        assert generator == parameter_count(generator_shapes(config))


# ---------------------------------------------------------------- datasets smaller than an iteration
def _first(dataset: Dataset, n: int) -> Dataset:
    return Dataset(dataset.images[:n].copy(), dataset.labels[:n].copy(), f"first {n}", "test")


@pytest.mark.parametrize("count", [1, 5, 7])
def test_fewer_images_than_a_batch_is_one_line(bundled_train, count):
    config = with_overrides(get_preset("fast"), TINY)
    with pytest.raises(ConfigError, match=f"has {count} images but one iteration needs 8"):
        TrainingSession(config, _first(bundled_train, count))


def test_a_dataset_of_exactly_one_batch_trains(bundled_train):
    config = with_overrides(get_preset("fast"), {**TINY, "clusters": 0, "iterations": 3})
    session = TrainingSession(config, _first(bundled_train, 8))
    assert [p.iteration for p in session.run()][-1] == 3


def test_the_classic_algorithm_needs_its_draws_without_replacement():
    config = get_preset("seed")
    with pytest.raises(ConfigError, match="needs 1,000 .real_per_iter and fake_per_iter"):
        check_dataset_size(config, 999)
    check_dataset_size(config, 1000)
    with pytest.raises(ConfigError, match="no images"):
        check_dataset_size(config, 0)


# ---------------------------------------------------------------- data files: read only what the header declares
def _idx_header(count: int) -> bytes:
    return bytes([0, 0, 8, 3]) + b"".join(d.to_bytes(4, "big") for d in (count, 28, 28))


def _peak_traced_bytes(action) -> int:
    import tracemalloc

    tracemalloc.start()
    try:
        action()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_a_gzip_that_inflates_far_past_its_header_is_refused_early(tmp_path):
    import gzip

    from ganstudio.core.data import open_dataset
    from ganstudio.core.errors import DataError

    path = tmp_path / "bomb-images-idx3-ubyte.gz"
    with gzip.open(path, "wb") as f:   # 2 images declared, 40 MB follow
        f.write(_idx_header(2) + bytes(40 << 20))

    def open_it():
        with pytest.raises(DataError, match="unexpected bytes after the 2 images its header declares"):
            open_dataset(path)

    assert _peak_traced_bytes(open_it) < 2 << 20


def test_a_header_that_promises_more_than_the_file_holds_allocates_nothing(tmp_path):
    import gzip

    from ganstudio.core.data import open_dataset
    from ganstudio.core.errors import DataError

    raw = tmp_path / "raw-images-idx3-ubyte"
    raw.write_bytes(_idx_header(290_000) + bytes(784))
    packed = tmp_path / "packed-images-idx3-ubyte.gz"
    packed.write_bytes(gzip.compress(_idx_header(290_000) + bytes(784)))
    for path in (raw, packed):
        def open_it(path=path):
            with pytest.raises(DataError, match="truncated: the header promises 290,000 images"):
                open_dataset(path)

        assert _peak_traced_bytes(open_it) < 2 << 20
    raw.write_bytes(_idx_header(2_000_000))
    with pytest.raises(DataError, match="declares 2,000,000 images; GAN Studio reads at most 300,000"):
        open_dataset(raw)


def test_an_npz_array_larger_than_its_archive_or_the_limit_is_refused_before_loading(tmp_path, monkeypatch):
    import io
    import zipfile

    from ganstudio.core.data import arrays, open_dataset
    from ganstudio.core.errors import DataError

    def npz(path, shape, data, compression):
        header = io.BytesIO()
        np.lib.format.write_array_header_1_0(header, {"descr": "|u1", "fortran_order": False, "shape": shape})
        with zipfile.ZipFile(path, "w", compression) as archive:
            archive.writestr("x_train.npy", header.getvalue() + data)
        return path

    liar = npz(tmp_path / "liar.npz", (10 ** 9, 784), bytes(784), zipfile.ZIP_STORED)
    with pytest.raises(DataError, match="x_train declares 784,000,000,000 bytes; the archive holds 784 "):
        open_dataset(liar)
    monkeypatch.setattr("ganstudio.core.data.npz.MAX_ARRAY_BYTES", 1 << 20)   # 1 MB, for speed
    bomb = npz(tmp_path / "bomb.npz", (4000, 28, 28), bytes(4000 * 784), zipfile.ZIP_DEFLATED)
    with pytest.raises(DataError, match="bomb.npz: x_train declares 3,136,000 bytes"):
        open_dataset(bomb)
    assert arrays.MAX_ARRAY_BYTES == 1 << 30


# ---------------------------------------------------------------- checkpoints
@pytest.fixture(scope="module")
def digit3_checkpoint(tmp_path_factory):
    """A two-iteration run on the bundled 3s, saved: the data it records is 'bundled', digit 3."""
    from ganstudio.core.data import open_dataset

    path = tmp_path_factory.mktemp("ckpt") / "run.npz"
    session = TrainingSession(with_overrides(get_preset("fast"), {**TINY, "iterations": 2}),
                              open_dataset("bundled", (3,)))
    list(session.run())
    save_checkpoint(session, path)
    return path


def _rewritten(source, target, drop=(), **changes):
    arrays = dict(np.load(source))
    for key in drop:
        del arrays[key]
    for key, change in changes.items():
        arrays[key] = change(arrays[key]) if callable(change) else change
    np.savez(target, **arrays)
    return target


def _with_config(**settings):
    def change(text):
        return np.array(json.dumps({**json.loads(str(text)), **settings}))
    return change


def _poisoned(value):
    def change(weights):
        weights = weights.copy()
        weights[3] = value
        return weights
    return change


@pytest.mark.parametrize("drop, changes, expected", [
    (("format_version",), {}, "has no format version"),
    ((), {"format_version": np.array("abc")}, r"has an unreadable format version \(abc\)"),
    ((), {"format_version": np.array(-3)}, r"has an invalid format version \(-3\)"),
    ((), {"meta": np.array("[1, 2]")}, "meta is not a record"),
    ((), {"algo.net.generator": _poisoned(np.nan)}, r"NaN or infinite values \(in algo.net.generator\)"),
    ((), {"algo.opt.d.v": _poisoned(np.inf)}, r"NaN or infinite values \(in algo.opt.d.v\)"),
    ((), {"config": _with_config(g_hidden=[100000, 100000])}, "damaged configuration .g_hidden must be"),
    ((), {"config": _with_config(batch_size=1000000)}, "damaged configuration .batch_size must be"),
    ((), {"config": _with_config(g_hidden=[2000, 2000])}, "generator needs 5,628,784 weights, the file holds 13,792"),
])
def test_a_bad_checkpoint_is_one_line_naming_it_and_allocates_little(digit3_checkpoint, tmp_path, drop,
                                                                     changes, expected):
    from ganstudio.core.errors import CheckpointError

    path = _rewritten(digit3_checkpoint, tmp_path / "bad.npz", drop, **changes)

    def load():
        with pytest.raises(CheckpointError, match=expected) as caught:
            load_checkpoint(path)
        assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)

    assert _peak_traced_bytes(load) < 8 << 20


def test_an_array_declaring_more_than_the_file_holds_is_refused_before_loading(tmp_path):
    import io
    import zipfile

    from ganstudio.core.errors import CheckpointError

    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(header, {"descr": "<f8", "fortran_order": False,
                                                  "shape": (100000, 100000)})
    path = tmp_path / "liar.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("algo.net.generator.npy", header.getvalue() + bytes(64))
    with pytest.raises(CheckpointError, match="declares 80,000,000,000 bytes but holds 64"):
        load_checkpoint(path)


@pytest.mark.parametrize("name", ["fast", "seed", "mlp", "goodfellow2014"])
def test_the_expected_network_sizes_are_the_ones_a_session_keeps(name):
    from ganstudio.core.formats.checkpoint import expected_network_sizes

    config = get_preset(name)
    state = TrainingSession(config).state_dict()
    kept = {key[len("algo.net."):]: value.size for key, value in state.items() if key.startswith("algo.net.")}
    assert kept == expected_network_sizes(config)


def test_a_resume_trains_on_the_data_its_checkpoint_records(digit3_checkpoint):
    from ganstudio.core.formats.checkpoint import resume_session

    session = resume_session(digit3_checkpoint)
    assert session.dataset.digits == (3,) and set(session.dataset.labels) == {3}
    assert session.iteration == 2
    same = resume_session(digit3_checkpoint, "bundled", (3,))   # naming the same data is fine
    assert same.dataset.fingerprint() == session.dataset.fingerprint()


@pytest.mark.parametrize("spec, digits", [(None, (5,)), ("bundled", None), ("bundled", (3, 5))])
def test_a_resume_on_other_data_is_refused(digit3_checkpoint, spec, digits):
    from ganstudio.core.errors import CheckpointError
    from ganstudio.core.formats.checkpoint import resume_session

    with pytest.raises(CheckpointError, match=r"was trained on MNIST .*digit 3 only .* \(bundled, digits 3\), not on"):
        resume_session(digit3_checkpoint, spec, digits)


def test_an_older_checkpoint_without_the_record_still_resumes_on_the_data_named(digit3_checkpoint, tmp_path):
    from ganstudio.core.errors import CheckpointError
    from ganstudio.core.formats.checkpoint import resume_session

    def without_record(text):
        meta = json.loads(str(text))
        del meta["dataset"]
        return np.array(json.dumps(meta))

    old = _rewritten(digit3_checkpoint, tmp_path / "old.npz", meta=without_record)
    assert len(resume_session(old, "bundled", (3,)).dataset) == len(resume_session(digit3_checkpoint).dataset)
    with pytest.raises(CheckpointError, match="trained on other data"):   # its epoch order has 3s only
        resume_session(old)


# ---------------------------------------------------------------- the command line, end to end
def _one_line(result) -> str:
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_cli_bad_values_are_one_line(tmp_path, digit3_checkpoint, bundled_train):
    from PIL import Image

    folder = tmp_path / "few"
    folder.mkdir()
    for i, image in enumerate(bundled_train.images[:5]):
        Image.fromarray(image).save(folder / f"{i}.png")
    cases = [
        (["train", "--iterations", "0"], "--iterations: must be at least 1"),
        (["train", "--set", "lr_decay=0"], "lr_decay must be in [1, 2]"),
        (["train", "--set", "batch_size=1000000"], "batch_size must be an integer from 1 to 4,096"),
        (["train", "--data", folder, "--set", "batch_size=16"], "has 5 images but one iteration needs 16"),
        (["train", "--resume", digit3_checkpoint, "--digits", "5"], "was trained on MNIST"),
        (["sample", digit3_checkpoint, "--seed", "-1", "--out", tmp_path / "s.png"], "--seed: must not be negative"),
        (["eval", digit3_checkpoint, "--seed", "-1"], "--seed: must not be negative"),
        (["sample", digit3_checkpoint, "--n", "0", "--out", tmp_path / "s.png"], "--n: must be at least 1"),
    ]
    for args, expected in cases:
        assert expected in _one_line(ganstudio(*args)), args


def test_cli_resume_keeps_the_digits_of_its_checkpoint(digit3_checkpoint, tmp_path):
    result = ganstudio("train", "--resume", digit3_checkpoint, "--iterations", 3, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    meta = json.loads(str(np.load(tmp_path / "checkpoint.npz")["meta"]))
    assert meta["dataset"]["digits"] == [3] and meta["dataset"]["spec"] == "bundled"


# ---------------------------------------------------------------- the window
def test_the_window_shows_one_line_for_any_bad_checkpoint_and_keeps_its_session(
        make_window, digit3_checkpoint, tmp_path, monkeypatch):
    bad = {
        "no version": (_rewritten(digit3_checkpoint, tmp_path / "nover.npz", ("format_version",)),
                       "has no format version"),
        "nan": (_rewritten(digit3_checkpoint, tmp_path / "nan.npz",
                           **{"algo.net.generator": _poisoned(np.nan)}), "NaN or infinite"),
        "huge": (_rewritten(digit3_checkpoint, tmp_path / "huge.npz",
                            config=_with_config(g_hidden=[100000, 100000])), "g_hidden must be"),
    }
    window = make_window()
    session = window.controller.session
    for path, expected in bad.values():
        monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName",
                            lambda *args, path=path, **kwargs: (str(path), ""))
        window.actions.open_checkpoint.trigger()
        assert window.controller.session is session
        text = window.message_bar.label.text()
        assert window.message_bar.isVisible() and str(path) in text and expected in text


def test_the_window_may_continue_a_checkpoint_on_other_data(digit3_checkpoint, bundled_train):
    """Opened on other data (the window's choice), the epoch starts afresh on that data
    instead of indexing the old one past its end."""
    other = _first(bundled_train, 100)
    session = load_checkpoint(digit3_checkpoint, other)
    session.set_run_settings(iterations=session.iteration + 15)   # past one epoch of the 100
    assert [p.iteration for p in session.run()][-1] == 17
