"""Scenarios: the catalogue, the command line, and each story checked on its numbers. Stories
that take more than a few seconds on an idle machine run only with GANSTUDIO_SLOW_TESTS=1 (their
fast checks here cover the start of the same run)."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from ganstudio.core.config import PRESETS
from ganstudio.core.data import load_bundled
from ganstudio.core.errors import ConfigError
from ganstudio.core.evaluation import class_report
from ganstudio.core.scenarios import SCENARIOS, get_scenario, scenario_names
from ganstudio.core.stopping import DIVERGED, ITERATION_LIMIT, ORIGINAL_RULE
from ganstudio.core.training import TrainingSession

slow = pytest.mark.skipif(not os.environ.get("GANSTUDIO_SLOW_TESTS"),
                          reason="a whole scenario; set GANSTUDIO_SLOW_TESTS=1 to run it")


def ganstudio(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "ganstudio", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def digits():
    return load_bundled("train")


def run_to_end(name: str, digits, iterations: int | None = None):
    """The scenario's own run (or its first `iterations`): the session and its last record."""
    config = get_scenario(name).config()
    if iterations is not None:
        from ganstudio.core.config import with_overrides

        config = with_overrides(config, {"iterations": iterations})
    session = TrainingSession(config, digits)
    records = list(session.run(log_every=1))
    return session, records


def test_every_scenario_is_a_valid_configuration_with_its_own_name_and_words():
    assert len(SCENARIOS) >= 6 and len(set(scenario_names())) == len(SCENARIOS)
    for scenario in SCENARIOS:
        config = scenario.config()
        assert scenario.preset in PRESETS and config.name == scenario.preset
        assert config.seed == scenario.seed
        assert scenario.title and scenario.look_at and "\n" not in scenario.caption
        assert len(scenario.caption) <= 130, scenario.name   # one line over the digits


def test_an_unknown_scenario_names_the_known_ones():
    with pytest.raises(ConfigError) as error:
        get_scenario("nope")
    assert all(name in str(error.value) for name in scenario_names())


def test_the_command_line_lists_the_scenarios_one_line_each():
    result = ganstudio("scenarios")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == scenario_names()
    assert all(s.caption in line for s, line in zip(SCENARIOS, lines))


@pytest.mark.parametrize("args", [["--scenario", "nope"], ["--scenario", "digits", "--preset", "fast"]])
def test_a_bad_scenario_on_the_command_line_is_one_line_and_status_2(args, tmp_path):
    result = ganstudio("train", *args, "--out", tmp_path / "run")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "run").exists()


def test_train_with_a_scenario_uses_its_settings_and_seed(tmp_path):
    import json

    result = ganstudio("train", "--scenario", "stopping-rule", "--set", "real_per_iter=200",
                       "--set", "fake_per_iter=200", "--iterations", 3, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    saved = json.loads((tmp_path / "config.json").read_text())
    expected = get_scenario("stopping-rule").config()
    assert saved["name"] == "seed" and saved["stop_rule"] == "original" == expected.stop_rule
    assert saved["seed"] == expected.seed and saved["real_per_iter"] == 200


def test_a_scenario_plays_the_same_way_every_time(digits):
    """Same scenario, same numbers: the story does not depend on the run."""
    first = [r.d_real for r in run_to_end("collapse", digits, iterations=30)[1]]
    second = [r.d_real for r in run_to_end("collapse", digits, iterations=30)[1]]
    assert first == second


def test_the_flawed_stopping_rule_fires_when_d_tells_nearly_every_image_apart(digits):
    session, records = run_to_end("stopping-rule", digits)
    last = records[-1]
    assert last.stop_reason.code == ORIGINAL_RULE
    assert session.iteration == 12                      # measured: docs/scenarios.md
    assert abs(last.rounded_mean - 0.5) <= 0.05
    # D is right about nearly every image: fakes below 0.5, reals above.
    right = (np.count_nonzero(last.d_real_outputs > 0.5) + np.count_nonzero(last.d_fake_outputs < 0.5))
    assert right / (len(last.d_real_outputs) + len(last.d_fake_outputs)) >= 0.95
    # ... while G still draws noise: every one of its images is unlike every real digit.
    assert class_report(session.sample()).unlike_share == 1.0


def test_learning_rates_too_high_run_away_and_the_last_good_model_comes_back(digits):
    session, records = run_to_end("lr-too-high", digits)
    reason = records[-1].stop_reason
    assert reason.code == DIVERGED and reason.values["failed_at"] == 628   # measured
    # Trained for a while first, and what came back is from before the failure.
    assert 0 < reason.values["restored"] == session.iteration < 628
    assert len(session.history["d_real"]) == session.iteration


def test_a_discriminator_too_strong_wins_outright_without_tripping_the_divergence_check(digits):
    session, records = run_to_end("strong-d", digits)
    last = records[-1]
    assert last.stop_reason.code == ITERATION_LIMIT                  # not "diverged"
    assert last.d_real > 0.999 and last.d_fake < 0.001
    g_loss = session.history["g_loss"]
    assert g_loss[99] > 4 and g_loss[-1] > g_loss[99] + 2             # G's loss climbs on


def test_mode_collapse_ends_on_one_or_two_classes(digits):
    session, records = run_to_end("collapse", digits)
    assert records[-1].stop_reason.code == ITERATION_LIMIT
    report = class_report(session.sample())
    assert report.covered <= 2 and report.histogram.max() >= 0.9


@slow
def test_digits_in_seconds_draws_every_class(digits):
    session, _ = run_to_end("digits", digits)
    report = class_report(session.sample())
    assert report.covered == 10 and report.histogram.max() < 0.25


@slow
def test_the_classic_algorithm_ends_with_d_winning_and_g_on_one_shape(digits):
    session, records = run_to_end("classic", digits)
    last = records[-1]
    assert last.d_real > 0.9 and last.d_fake < 0.1
    assert class_report(session.sample()).covered == 1
