"""`ganstudio eval CKPT`: numbers for a checkpoint, as text or JSON; bad input is one line."""

import json

import numpy as np
import pytest

from ganstudio.cli.main import main
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.formats.checkpoint import save_checkpoint
from ganstudio.core.training.session import TrainingSession


@pytest.fixture(scope="module")
def checkpoint(tmp_path_factory, bundled_train):
    # Without the average's warm-up G draws with its 30-iteration-old start: grey blobs, which
    # the likeness test flags (the warmed-up average's speckled blobs it does not; see
    # benchmarks/results/issue21-quiet-sitting.md).
    config = with_overrides(get_preset("fast"), {"iterations": 30, "g_ema_warmup": 0})
    session = TrainingSession(config, bundled_train)
    for _ in session.run(log_every=30):
        pass
    return save_checkpoint(session, tmp_path_factory.mktemp("run") / "checkpoint.npz")


def test_eval_prints_json_with_every_metric(checkpoint, capsys):
    assert main(["eval", str(checkpoint), "--n", "200", "--parzen-centres", "300", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["iteration"] == 30 and result["preset"] == "fast"
    assert result["classes"]["n"] == 200
    assert len(result["classes"]["histogram"]) == 10
    assert sum(result["classes"]["histogram"]) == pytest.approx(1.0)
    assert 0 <= result["classes"]["kl"] <= 2.303
    assert result["classes"]["unlike_share"] > 0.9   # 30 iterations: grey blobs, whatever the judge names
    assert result["frechet"]["n"] == 200 and result["frechet"]["baseline"] > 0
    assert result["parzen"]["n_centres"] == 300
    assert np.isclose(np.logspace(-1, 0, 10), result["parzen"]["sigma"]).any()
    assert {m["model"] for m in result["parzen_published"]["models"]} >= {"Adversarial nets", "DBN"}


def test_eval_prints_a_readable_report(checkpoint, capsys):
    assert main(["eval", str(checkpoint), "--n", "100", "--parzen-centres", "200"]) == 0
    out = capsys.readouterr().out
    for text in ("classes covered", "kinds of digit", "KL to uniform", "not digit-like", "Fréchet distance",
                 "real vs real",
                 "Parzen log-likelihood", "Adversarial nets", "225 ± 2", "Goodfellow"):
        assert text in out


def test_eval_without_parzen(checkpoint, capsys):
    assert main(["eval", str(checkpoint), "--n", "50", "--parzen-centres", "0", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["parzen"] is None


def test_eval_of_a_broken_checkpoint_is_one_line(tmp_path, capsys):
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a checkpoint")
    assert main(["eval", str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("ganstudio: error:") and "broken.npz" in err
    assert "\n" not in err


def test_eval_refuses_too_few_samples(checkpoint, capsys):
    assert main(["eval", str(checkpoint), "--n", "1"]) == 2
    assert "--n" in capsys.readouterr().err
