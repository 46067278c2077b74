"""The end-of-run verdict (core/quality/verdict.py): codes from the numbers, words from the codes, and
where it is shown (ganstudio train, ganstudio eval, the window)."""

from __future__ import annotations

import numpy as np
import pytest

from ganstudio.core.quality.evaluation import ClassReport
from ganstudio.core.quality.verdict import (
    Drawing,
    Game,
    judge_verdict,
    recent_means,
    render_verdict,
    verdict_headline,
)
from ganstudio.core.training.stopping import DIVERGED, ITERATION_LIMIT, ORIGINAL_RULE, StopReason

from support.commands import ganstudio


def _classes(shares, unlike=0.0, confidence=0.95, named=None) -> ClassReport:
    """`shares`: the digit-like samples per digit; `named`: what the judge names, digit-like
    or not (default: the same shares)."""
    digit_like = np.asarray(shares, float) / np.sum(shares) * (1.0 - unlike)
    histogram = digit_like / digit_like.sum() if named is None else np.asarray(named, float) / np.sum(named)
    return ClassReport(histogram, int((histogram > 0).sum()), 0.0, confidence, 0.9, 1000, unlike,
                       digit_like)


ONE_BLOB = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0]          # seed at 1,500 iterations: all "1"
EVEN = [1] * 10


def test_a_perfect_d_and_one_kind_of_digit_is_d_won_and_collapsed_even_when_the_judge_is_sure():
    verdict = judge_verdict(_classes(ONE_BLOB, confidence=1.0), 0.93, 0.05,
                            StopReason(ITERATION_LIMIT))
    assert (verdict.game, verdict.drawing) == (Game.D_WON, Drawing.COLLAPSED)
    assert verdict.values["kinds"] == 1 and verdict.values["digits"] == [1]
    words = render_verdict(verdict)
    assert words.startswith("D won") and "collapsed onto one kind of digit" in words
    assert "100% of its images 1" in words
    assert verdict_headline(verdict) == "D won, G collapsed onto one kind of digit"


def test_stray_guesses_of_the_judge_are_not_kinds_of_digit():
    shares = [0, 97, 0, 1, 0, 0, 0, 1, 1, 0]      # a collapse with 1 % noise on three classes
    verdict = judge_verdict(_classes(shares), 0.6, 0.4)
    assert verdict.drawing is Drawing.COLLAPSED and verdict.values["kinds"] == 1


def test_kinds_count_digit_like_samples_only_as_the_chart_does():
    # ladder-7-noise: the judge names all ten digits, but 40 % of the images are like no digit
    # and the digit-like ones are of seven kinds; the names alone said "every kind".
    verdict = judge_verdict(_classes([10, 10, 10, 10, 10, 10, 10, 0, 0, 0], unlike=0.4,
                                     named=EVEN), 0.6, 0.4)
    assert verdict.values["kinds"] == 7 and verdict.drawing is Drawing.SOME_KINDS
    assert verdict.values["covered"] == 10


def test_d_separating_reals_from_fakes_is_d_won_though_its_means_are_only_040_apart():
    # The stopping-rule scenario at iteration 12: D 0.51 on reals, 0.11 on fakes, right about
    # 96 % of the images; it said "Balance".
    assert judge_verdict(_classes(EVEN), 0.510, 0.106).game is Game.D_WON
    # Healthy runs stay "balance": fast at 500 and 3,000 iterations, mlp at 700.
    for d_real, d_fake in ((0.542, 0.441), (0.489, 0.417), (0.708, 0.333)):
        assert judge_verdict(_classes(EVEN), d_real, d_fake).game is Game.BALANCE
    assert judge_verdict(_classes(EVEN), 1.0, 0.0).game is Game.D_WON   # no infinity


def test_the_stopping_rule_scenario_ends_with_d_won(tmp_path):
    trained = ganstudio("train", "--scenario", "stopping-rule", "--out", tmp_path / "run",
                        cwd=tmp_path, timeout=300)
    assert trained.returncode == 0, trained.stderr
    assert "verdict: D won" in trained.stderr


def test_a_balanced_game_with_every_kind_of_digit():
    verdict = judge_verdict(_classes(EVEN), 0.62, 0.38)
    assert (verdict.game, verdict.drawing) == (Game.BALANCE, Drawing.EVERY_KIND)
    assert render_verdict(verdict).startswith("Balance")
    assert verdict.code == "balance/every_kind"


def test_some_kinds_name_the_digits_drawn_most_first():
    shares = [0, 10, 0, 30, 0, 20, 0, 25, 15, 0]
    verdict = judge_verdict(_classes(shares), 0.6, 0.4)
    assert verdict.drawing is Drawing.SOME_KINDS
    assert verdict.values["digits"] == [3, 7, 5, 8, 1]
    assert "5 of the 10 kinds of digit (3, 7, 5, 8, 1)" in render_verdict(verdict)


def test_images_unlike_any_digit_are_not_digits_yet():
    verdict = judge_verdict(_classes(EVEN, unlike=0.99), 0.8, 0.1)
    assert verdict.drawing is Drawing.NOT_DIGITS
    assert "99% of its images look like no digit" in render_verdict(verdict)


def test_a_divergence_is_the_verdict_on_the_game():
    reason = StopReason(DIVERGED, {"failed_at": 12, "restored": 9, "criterion": "loss",
                                   "name": "d_loss", "value": 1e6, "what": "D's loss"})
    verdict = judge_verdict(_classes(EVEN), 0.5, 0.5, reason)
    assert verdict.game is Game.DIVERGED
    assert "diverged at iteration 12" in render_verdict(verdict)
    assert "iteration 9" in render_verdict(verdict)


def test_the_original_rule_firing_on_a_perfect_d_is_called_out():
    verdict = judge_verdict(_classes(ONE_BLOB), 0.99, 0.01, StopReason(ORIGINAL_RULE, {"rounded_mean": 0.5}))
    assert "original stopping rule fired although D won" in render_verdict(verdict)
    balanced = judge_verdict(_classes(EVEN), 0.5, 0.5, StopReason(ORIGINAL_RULE, {"rounded_mean": 0.5}))
    assert "original stopping rule" not in render_verdict(balanced)


def test_no_training_yet_says_so_and_d_means_come_from_the_last_iterations():
    assert judge_verdict(_classes(EVEN), None, None).game is Game.NOT_PLAYED
    history = {"d_real": [0.0] * 100 + [0.8] * 50, "d_fake": [1.0] * 100 + [0.2] * 50}
    assert recent_means(history) == pytest.approx((0.8, 0.2))
    assert recent_means({"d_real": [], "d_fake": []}) == (None, None)


def test_the_words_come_through_the_translate_function():
    verdict = judge_verdict(_classes(ONE_BLOB), 0.93, 0.05)
    bracketed = render_verdict(verdict, lambda text: f"«{text}»")
    assert bracketed.startswith("«D won") and bracketed.count("«") == 2


def test_train_and_eval_print_the_verdict(tmp_path):
    out = tmp_path / "run"
    trained = ganstudio("train", "--preset", "seed", "--iterations", "3", "--out", out, cwd=tmp_path,
                        timeout=300)
    assert trained.returncode == 0, trained.stderr
    assert "verdict: " in trained.stderr and "G does not draw digits yet" in trained.stderr
    judged = ganstudio("eval", out / "checkpoint.npz", "--parzen-centres", "0", "--n", "200",
                       cwd=tmp_path, timeout=300)
    assert judged.returncode == 0, judged.stderr
    assert "verdict: " in judged.stdout and "G does not draw digits yet" in judged.stdout
    as_json = ganstudio("eval", out / "checkpoint.npz", "--parzen-centres", "0", "--n", "200",
                        "--json", cwd=tmp_path, timeout=300)
    import json

    verdict = json.loads(as_json.stdout)["verdict"]
    assert verdict["drawing"] == "not_digits" and verdict["game"] in ("d_won", "balance")
    assert verdict["text"].startswith(("D won", "Balance"))


def test_the_window_shows_the_verdict_when_a_run_finishes(make_window, qtbot):
    from ganstudio.core.config.overrides import with_overrides
    from ganstudio.gui.training.controller import State

    from support.gui import TINY_CONFIG

    window = make_window(config=with_overrides(TINY_CONFIG, {"iterations": 3}))
    window.actions.start_pause.trigger()
    qtbot.waitUntil(lambda: window.verdict.verdict is not None, timeout=20_000)
    assert window.controller.state is State.FINISHED
    state = window.status.state.text()
    assert state.startswith("Finished: iteration limit reached — ")
    assert verdict_headline(window.verdict.verdict) in state
    assert window.message_bar.isVisible()
    assert window.message_bar.label.text().startswith("Verdict: ")
    assert render_verdict(window.verdict.verdict) in window.message_bar.label.text()
    # A verdict is a result, not an error: the caption style, never the error red.
    assert window.message_bar.info
    assert window.theme.message_background not in window.message_bar.styleSheet()
