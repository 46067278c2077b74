"""Step-through stage 7 (check_stop) says what the stopping rule read and what it decided."""

import pytest

from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.stage_report import run_reported_stage
from ganstudio.gui.views.stage_sentences import stage_sentence

from support.small_runs import small_config


def check_stop_report(config, data, iterations=1):
    session = TrainingSession(config, data)
    for _ in range(iterations * len(session.stage_names)):
        report = run_reported_stage(session)
    assert report.stage == "check_stop"
    return report, session


@pytest.mark.parametrize("tolerance, decision", [(0.5, "Training stops here."),
                                                 (0.0, "Training goes on.")])
def test_the_original_rule_says_its_mean_and_its_decision(small_data, tolerance, decision):
    config = small_config("seed", stop_rule="original", stop_tolerance=tolerance, iterations=50)
    report, session = check_stop_report(config, small_data)
    sentence = stage_sentence(report, config)
    mean = session.history["rounded_mean"][-1]
    assert f"the mean of D's rounded verdicts is {mean:.3f}" in sentence
    assert sentence.endswith(decision)
    assert (report.stopped is not None) == (tolerance == 0.5)


def test_without_a_rule_the_limit_decides(small_data):
    config = small_config("fast", iterations=2)
    going_on = stage_sentence(check_stop_report(config, small_data)[0], config)
    assert "No stopping rule is set" in going_on and going_on.endswith("Training goes on.")
    last = stage_sentence(check_stop_report(config, small_data, 2)[0], config)
    assert last.endswith("Training stops here: the iteration limit is reached.")


def test_the_equilibrium_rule_says_when_it_cannot_read_yet(small_data):
    config = small_config("fast", stop_rule="equilibrium", equilibrium_window=20, iterations=50)
    sentence = stage_sentence(check_stop_report(config, small_data)[0], config)
    assert "needs 20 iterations" in sentence and sentence.endswith("Training goes on.")
