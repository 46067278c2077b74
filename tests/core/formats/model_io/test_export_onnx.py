"""ONNX export: onnxruntime reproduces GAN Studio's own images for the same noise, for every
preset (float within 1e-5, uint8 within ±1), and the files pass the full ONNX check."""

import numpy as np
import pytest

from support.exports import PRESETS, fresh_noise, trained_session

onnx = pytest.importorskip("onnx", reason="the onnx package is not installed (pip install 'ganstudio[export]')")
ort = pytest.importorskip("onnxruntime", reason="onnxruntime is not installed (the test extra)")

from ganstudio.core.formats.model_io.forward import describe, generator_input  # noqa: E402
from ganstudio.core.formats.model_io.onnx_graph import OPSET, save_onnx  # noqa: E402


def run(path, feeds):
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, feeds)


@pytest.mark.parametrize("preset", PRESETS)
def test_onnx_generator_and_discriminator_match_the_engine(preset, tmp_path):
    session = trained_session(preset)
    g_path, d_path = save_onnx(session, tmp_path / "g.onnx", discriminator=True)
    for path in (g_path, d_path):
        model = onnx.load(str(path))
        onnx.checker.check_model(model, full_check=True)
        assert model.opset_import[0].version == OPSET
    noise = fresh_noise(session, n=200)
    output, images = run(g_path, {"noise": noise})
    expected = session.algorithm.generate(noise).copy()
    assert output.shape == (200, 784) and images.shape == (200, 28, 28) and images.dtype == np.uint8
    assert np.abs(output - expected).max() <= 1e-5
    assert np.abs(images.astype(int) - session.draw(noise)).max() <= 1
    # D on G's images, with the cluster code G drew them with (fast)
    model = describe(session)
    feeds = {"image": expected}
    d_input = expected
    if model.clusters is not None:
        feeds["cluster"] = generator_input(model, noise)[:, session.config.noise_dim:]
        d_input = np.concatenate([expected, feeds["cluster"]], axis=1)
    (probability,) = run(d_path, feeds)
    assert np.abs(probability - session.algorithm.discriminator.forward(d_input, training=False)).max() <= 1e-5


def test_the_cluster_pick_in_the_graph_matches_the_engine_at_every_edge(tmp_path):
    """Draws that land exactly on, just below and just above each edge of the cumulative
    weights pick the engine's clusters (the float64 comparison in the graph)."""
    session = trained_session("fast")
    clusters = session.algorithm.clusters
    edges = np.cumsum(clusters.weights) / np.cumsum(clusters.weights)[-1]
    draws = np.concatenate([edges, np.nextafter(edges.astype(np.float32), 0), np.float32(0)[None],
                            np.nextafter(edges.astype(np.float32), 1)]).astype(np.float32)
    draws = draws[draws < 1]
    noise = np.zeros((len(draws), session.config.noise_dim + 1), np.float32)
    noise[:, -1] = draws
    (g_path,) = save_onnx(session, tmp_path / "g.onnx")
    output, _ = run(g_path, {"noise": noise})
    assert np.abs(output - session.algorithm.generate(noise)).max() <= 1e-5


def test_the_files_name_their_producer_and_its_version(tmp_path):
    from ganstudio import __version__

    (path,) = save_onnx(trained_session("mlp"), tmp_path / "g.onnx")
    model = onnx.load(str(path))
    assert model.producer_name == "GAN Studio" and model.producer_version == __version__
