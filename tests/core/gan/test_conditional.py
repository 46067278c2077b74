"""The conditional GAN: G and D are told the digit (clusters_from="labels"), and G draws the
digit it is asked for — checked with the bundled judge; asking a model that cannot answer is one
clear line (session, checkpoint, command line)."""


import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.config.settings import GANConfig
from ganstudio.core.data import Dataset, filter_digits
from ganstudio.core.errors import ConfigError
from ganstudio.core.formats.checkpoint import load_checkpoint, save_checkpoint
from ganstudio.core.gan.model_parts import sample_noise
from ganstudio.core.quality.judge import load_judge
from ganstudio.core.training.session import TrainingSession

from support.commands import ganstudio


def conditional(**overrides):
    return with_overrides(get_preset("conditional"), {"iterations": 3, **overrides})


def asked_digit_shares(session, per_digit=50):
    """For each digit, the share of `per_digit` images asked for it that the judge calls it."""
    judge = load_judge()
    return np.array([(judge.predict_proba(session.sample(per_digit, seed=1, digit=d)).argmax(1) == d).mean()
                     for d in range(10)])


def test_a_briefly_trained_conditional_g_draws_the_asked_digit_far_more_often_than_chance(tmp_path):
    # 1,500 iterations (a few seconds) with a short moving average of G, trained by the command
    # (one BLAS thread, as the app: under pytest NumPy may spin two on a busy machine); the
    # preset itself is measured by benchmarks/bench_conditional.py (docs/quality.md).
    result = ganstudio("train", "--preset", "conditional", "--iterations", 1500, "--set", "g_ema=0.99",
                       "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    shares = asked_digit_shares(load_checkpoint(tmp_path / "checkpoint.npz"))
    assert shares.mean() > 0.3, shares   # chance is 0.1
    assert (shares > 0.1).sum() >= 7, shares


def test_g_and_d_are_told_the_label_of_every_real_image(bundled_train):
    session = TrainingSession(conditional(), bundled_train)
    algorithm = session.algorithm
    assert np.array_equal(algorithm._data_clusters, bundled_train.labels)
    shares = np.bincount(bundled_train.labels, minlength=10) / len(bundled_train.labels)
    assert np.allclose(algorithm.clusters.weights, shares)
    algorithm.run_stage("sample_reals")
    batch = session.config.batch_size
    rows = algorithm.order[:batch]
    codes = algorithm._d_batch[:batch, 784:]
    assert np.array_equal(codes.argmax(1), bundled_train.labels[rows]) and np.all(codes.sum(1) == 1)
    assert algorithm.generator.dense_layers[0].params[0].shape[0] == session.config.noise_dim + 10


def test_asking_for_a_digit_sets_the_code_g_sees(bundled_train):
    session = TrainingSession(conditional(), bundled_train)
    list(session.run())
    sevens = session.sample(20, seed=5, digit=7)
    assert not np.array_equal(sevens, session.sample(20, seed=5, digit=1))
    noise = sample_noise(session.config, np.random.default_rng(5), 20)
    assert np.array_equal(session.draw(noise, np.full(20, 7)), sevens)


def test_the_grid_shows_a_row_per_digit_or_the_digit_asked(bundled_train):
    session = TrainingSession(conditional(), bundled_train)
    list(session.run())
    rows = np.repeat(np.arange(10), 10)
    assert np.array_equal(session.sample(), session.draw(session.fixed_noise, rows))
    session.ask_digit(4)
    assert np.array_equal(session.sample(), session.draw(session.fixed_noise, np.full(100, 4)))
    assert np.array_equal(session.grid_sample(), session.sample())
    session.ask_digit(None)
    assert np.array_equal(session.sample(), session.draw(session.fixed_noise, rows))


def test_a_model_trained_on_some_digits_shows_and_is_asked_for_those_only(bundled_train):
    session = TrainingSession(conditional(), filter_digits(bundled_train, [3, 8]))
    assert session.trained_digits() == [3, 8]
    list(session.run())
    rows = np.where(np.arange(100) // 10 % 2 == 0, 3, 8)
    assert np.array_equal(session.sample(), session.draw(session.fixed_noise, rows))
    with pytest.raises(ConfigError, match="never saw a 5: it was trained on the digits 3, 8 only"):
        session.sample(4, digit=5)


@pytest.mark.parametrize("digit, message", [(10, "a digit is 0 to 9, not 10"),
                                            (-1, "a digit is 0 to 9, not -1"),
                                            ("7", "a digit is 0 to 9, not '7'")])
def test_a_digit_out_of_range_is_refused(bundled_train, digit, message):
    session = TrainingSession(conditional(), bundled_train)
    with pytest.raises(ConfigError, match=message):
        session.ask_digit(digit)
    assert session.asked_digit is None


def test_an_unconditional_model_cannot_be_asked_for_a_digit(bundled_train):
    session = TrainingSession(with_overrides(get_preset("fast"), {"iterations": 1}), bundled_train)
    with pytest.raises(ConfigError, match="preset 'fast'.* is not conditional"):
        session.sample(4, digit=7)
    # and its grid stays the noise's own clusters
    assert np.array_equal(session.sample(), session.draw(session.fixed_noise))


def test_data_without_labels_is_refused_with_one_line(bundled_train):
    unlabelled = Dataset(images=bundled_train.images[:500], labels=None, name="my folder", source="/x")
    with pytest.raises(ConfigError, match="needs a dataset with digit labels"):
        TrainingSession(conditional(), unlabelled)


def test_labels_as_clusters_need_one_cluster_per_digit():
    with pytest.raises(ConfigError, match="needs clusters=10, not 20"):
        GANConfig(clusters=20, clusters_from="labels")
    with pytest.raises(ConfigError, match="clusters_from must be one of pixels, labels"):
        GANConfig(clusters_from="colours")


def test_a_checkpoint_keeps_its_digits_and_draws_them_without_data(bundled_train, tmp_path):
    session = TrainingSession(conditional(), filter_digits(bundled_train, [1, 2, 7]))
    list(session.run())
    loaded = load_checkpoint(save_checkpoint(session, tmp_path / "c.npz"))
    assert loaded.trained_digits() == [1, 2, 7]
    assert np.array_equal(loaded.sample(8, seed=2, digit=7), session.sample(8, seed=2, digit=7))
    assert np.array_equal(loaded.sample(), session.sample())


# ---------------------------------------------------------------- the command line
@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    out = tmp_path_factory.mktemp("runs")
    for preset in ("conditional", "fast"):
        result = ganstudio("train", "--preset", preset, "--iterations", 3, "--out", out / preset)
        assert result.returncode == 0, result.stderr
    return {preset: out / preset / "checkpoint.npz" for preset in ("conditional", "fast")}


def test_cli_samples_the_asked_digit(checkpoints, tmp_path):
    result = ganstudio("sample", checkpoints["conditional"], "--digit", 7, "--n", 12,
                       "--seed", 4, "--out", tmp_path / "sevens.npy")
    assert result.returncode == 0, result.stderr
    session = load_checkpoint(checkpoints["conditional"])
    assert np.array_equal(np.load(tmp_path / "sevens.npy"), session.sample(12, seed=4, digit=7))
    noise = tmp_path / "noise.npy"
    np.save(noise, session.fixed_noise[:5])
    result = ganstudio("sample", checkpoints["conditional"], "--digit", 2, "--noise", noise,
                       "--out", tmp_path / "twos.npy")
    assert result.returncode == 0, result.stderr
    assert np.array_equal(np.load(tmp_path / "twos.npy"), session.draw(session.fixed_noise[:5], np.full(5, 2)))


@pytest.mark.parametrize("which, digit, expected", [
    ("fast", 7, "is not conditional"),
    ("conditional", 12, "a digit is 0 to 9, not 12"),
])
def test_cli_refuses_a_digit_it_cannot_draw_in_one_line(checkpoints, tmp_path, which, digit, expected):
    result = ganstudio("sample", checkpoints[which], "--digit", digit, "--out", tmp_path / "x.png")
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1 and expected in lines[0], result.stderr
    assert not (tmp_path / "x.png").exists()


# ---------------------------------------------------------------- export
def test_onnx_g_is_asked_for_a_digit_by_its_last_noise_column(tmp_path):
    """The digit is the cluster the last column picks: a value inside digit d's share of the
    cumulative class shares asks the exported G for a d, as the engine draws it."""
    pytest.importorskip("onnx", reason="the onnx package is not installed")
    ort = pytest.importorskip("onnxruntime", reason="onnxruntime is not installed")
    from ganstudio.core.formats.model_io.onnx_graph import save_onnx

    from support.exports import fresh_noise, trained_session

    session = trained_session("conditional")
    (g_path,) = save_onnx(session, tmp_path / "g.onnx")
    edges = np.concatenate([[0.0], np.cumsum(session.algorithm.clusters.weights)])
    noise = fresh_noise(session, n=20)
    noise[:, -1] = (edges[7] + edges[8]) / 2
    output, _ = ort.InferenceSession(str(g_path), providers=["CPUExecutionProvider"]).run(None, {"noise": noise})
    assert np.abs(output - session.algorithm.generate(noise, np.full(20, 7))).max() <= 1e-5
    assert np.abs(output - session.algorithm.generate(noise, np.full(20, 1))).max() > 1e-3


def test_the_pytorch_export_refuses_a_conditional_model_in_one_line(bundled_train, tmp_path):
    # The refusal is checked after the export's own packages are found (the test extra has them).
    pytest.importorskip("safetensors", reason="the export extra is not installed here")
    from ganstudio.core.errors import ExportError
    from ganstudio.core.formats.model_io.formats import export_model

    session = TrainingSession(conditional(), bundled_train)
    with pytest.raises(ExportError, match="cannot continue a conditional model; export it as onnx or safetensors"):
        export_model(session, "pytorch", tmp_path / "pt")
    assert not (tmp_path / "pt").exists()
    export_model(session, "safetensors", tmp_path / "model.safetensors")   # the weights do export
