"""The bundled judge: shipped weights, held-out accuracy, and its file handling."""

import numpy as np
import pytest

from ganstudio.core.errors import DataError
from ganstudio.core.files.bundled_assets import asset_path
from ganstudio.core.quality.judge import JUDGE_FILE, load_judge, read_judge


def test_judge_reaches_97_percent_on_the_held_out_digits(bundled_held_out):
    judge = load_judge()
    predicted = judge.predict_proba(bundled_held_out.images).argmax(axis=1)
    accuracy = np.mean(predicted == bundled_held_out.labels)
    assert accuracy >= 0.97
    # The number recorded with the weights is the one these weights really achieve.
    assert judge.accuracy == pytest.approx(accuracy, abs=1e-9)


def test_shipped_weights_are_small():
    assert asset_path(JUDGE_FILE).stat().st_size < 2 * 1024 * 1024


def test_probabilities_and_features_have_the_documented_shapes(bundled_held_out):
    judge = load_judge()
    images = bundled_held_out.images[:37]
    probs = judge.predict_proba(images)
    assert probs.shape == (37, 10)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-9)
    features = judge.features(images)
    assert features.shape == (37, judge.feature_dim)
    assert features.dtype == np.float32
    assert np.all(features >= 0)  # ReLU activations
    # Chunked and unchunked passes agree (the layers reuse their buffers between chunks).
    np.testing.assert_allclose(judge.predict_proba(images, chunk=5), probs, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(judge.features(images, chunk=8), features, rtol=1e-5, atol=1e-5)


def test_a_damaged_judge_file_names_itself(tmp_path):
    broken = tmp_path / "judge.npz"
    broken.write_bytes(asset_path(JUDGE_FILE).read_bytes()[:5000])
    with pytest.raises(DataError, match="judge.npz"):
        read_judge(broken)


def test_a_foreign_npz_is_refused(tmp_path):
    foreign = tmp_path / "other.npz"
    np.savez(foreign, weights=np.zeros(3))
    with pytest.raises(DataError, match="other.npz"):
        read_judge(foreign)


def test_once_builds_a_single_time_even_when_threads_ask_together():
    import threading
    import time

    from ganstudio.core.files.bundled_assets import once

    calls = []

    @once
    def build():
        calls.append(1)
        time.sleep(0.05)   # long enough for every thread to be waiting on the first build
        return object()

    results = []
    threads = [threading.Thread(target=lambda: results.append(build())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and len({id(r) for r in results}) == 1 and len(results) == 8
