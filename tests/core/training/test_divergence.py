"""Training that runs away numerically: caught beyond NaN, the last good state kept (never an
untrained one), said in words by the core, the command line and the window."""

from __future__ import annotations

import numpy as np
import pytest

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.formats.checkpoint import load_checkpoint, save_checkpoint
from ganstudio.core.training.divergence import GoodStates, first_failure
from ganstudio.core.training.session import TrainingSession
from ganstudio.core.training.stopping import StopReason
from ganstudio.core.training.worker import TrainingWorker


def small(preset, **overrides):
    base = {"iterations": 40}
    if preset == "seed":
        base.update(real_per_iter=200, fake_per_iter=200)
    else:
        base.update(g_hidden=(32,), d_hidden=(32,), batch_size=16)
    base.update(overrides)
    return with_overrides(get_preset(preset), base)


def weights(session):
    # The classic first network is a scratch copy of G, refreshed from the stack whenever G draws.
    return {name: net.flat_params.copy() for name, net in session.algorithm.networks.items()
            if name != "first_network"}


def assert_same_weights(a, b):
    assert a.keys() == b.keys()
    for name in a:
        assert np.array_equal(a[name], b[name]), name


def test_a_loaded_checkpoint_is_what_a_divergence_goes_back_to(small_data, tmp_path):
    """The probe: open a trained checkpoint, set absurd rates, run. It used to go back to the
    untrained state of iteration 0, erase the history, and a save then wrote an untrained G."""
    trained = TrainingSession(small("fast", iterations=12), small_data)
    list(trained.run())
    loaded = load_checkpoint(save_checkpoint(trained, tmp_path / "trained.npz"), small_data)
    loaded.set_run_settings(iterations=100)
    loaded.algorithm.optimizers["d"].lr = loaded.algorithm.optimizers["g"].lr = 1e30
    last = list(loaded.run())[-1]
    reason = last.stop_reason
    assert reason.code == "diverged" and last.finished
    assert (reason.values["failed_at"], reason.values["restored"]) == (13, 12)
    assert loaded.iteration == last.iteration == 12
    assert loaded.history == trained.history                 # kept, not erased
    assert_same_weights(weights(loaded), weights(trained))
    assert last.d_loss == trained.history["d_loss"][-1]     # the kept iteration's numbers
    assert loaded.algorithm.optimizers["d"].lr == 1e30      # the user's setting stays


@pytest.mark.parametrize("preset, lr", [("fast", 1000.0), ("mlp", 1000.0), ("seed", 1000.0),
                                        ("goodfellow2014", 1000.0), ("fast", 1e15)])
def test_runaway_numbers_without_nan_are_a_divergence(preset, lr, small_data):
    """lr 1000 gave finite losses of ~1e10 and two-valued images, and a normal ending."""
    session = TrainingSession(small(preset, lr_d=lr, lr_g=lr), small_data)
    untrained = weights(session)
    records = list(session.run())
    reason = records[-1].stop_reason
    assert reason.code == "diverged", reason
    # seed's MSE loss cannot exceed 1 and its weights stay small: its D saturates instead.
    expected = ("saturated",) if preset == "seed" else ("loss", "weights")
    assert reason.values["criterion"] in expected
    assert session.iteration == reason.values["restored"] < reason.values["failed_at"] <= 3
    assert_same_weights(weights(session), untrained)
    assert all(len(column) == session.iteration for column in session.history.to_lists().values())


def test_the_good_state_is_refreshed_while_training_and_history_is_cut_not_erased(small_data):
    straight = TrainingSession(small("fast", iterations=8), small_data)
    list(straight.run())
    session = TrainingSession(small("fast", iterations=100), small_data)
    session._good_states.spacing = 0.0      # keep every checked iteration
    for _ in range(8):
        session.run_iteration()
    for opt in session.algorithm.optimizers.values():   # no set_learning_rate: no fresh state
        opt.lr = 1e30
    last = list(session.run())[-1]
    assert last.stop_reason.values["restored"] == 8 == session.iteration
    assert session.history == straight.history
    assert_same_weights(weights(session), weights(straight))


def test_a_new_learning_rate_keeps_the_state_before_it(small_data):
    session = TrainingSession(small("fast", iterations=100), small_data)
    for _ in range(5):
        session.run_iteration()             # well under a second apart: no periodic state yet
    before = weights(session)
    session.set_learning_rate("d", 1e30)
    session.set_learning_rate("g", 1e30)
    assert list(session.run())[-1].stop_reason.values["restored"] == 5
    assert_same_weights(weights(session), before)


def test_good_states_give_back_one_that_predates_the_failure_by_a_spacing():
    states = GoodStates(keep=3, spacing=1.0)
    states.reset(0.0, 0, {"at": 0})
    assert states.due(1.0) and not states.due(0.5)
    states.add(1.0, 10, {"at": 10})
    states.add(2.0, 20, {"at": 20})
    assert states.before(2.5) == {"at": 10}        # 20 may already be on its way up
    assert states.before(9.0) == {"at": 20}
    states.add(3.0, 30, {"at": 30})                 # only three are kept
    assert states.before(3.5) == {"at": 20}
    assert states.before(3.0) == {"at": 20} and len(states._states) == 3
    states.reset(5.0, 50, {"at": 50})               # a loaded checkpoint: the only one
    assert states.before(5.1) == {"at": 50}


def test_a_winning_discriminator_is_not_a_divergence():
    """seed ends with D perfect and G collapsed; numbers like those are healthy."""
    from ganstudio.core.engine.layers import Dense
    from ganstudio.core.engine.network import Network
    from ganstudio.core.gan.algorithm import IterationStats

    net = Network([Dense(4, 3, np.random.default_rng(0))])
    net.flat_params[...] = 5.0                      # large, but far from a runaway
    perfect = IterationStats(d_real=1.0, d_fake=0.0, rounded_mean=0.5, d_loss=0.0, g_loss=30.0)
    assert first_failure(perfect, {"discriminator": net}) is None
    perfect.d_fake = 1.0                            # the same saturated answer for everything
    assert first_failure(perfect, {"discriminator": net})["criterion"] == "saturated"
    perfect.d_fake = 0.0
    perfect.g_loss = float("nan")
    assert first_failure(perfect, {"discriminator": net})["name"] == "g_loss"
    perfect.g_loss = 1.0
    net.flat_params[0] = np.inf
    assert first_failure(perfect, {"discriminator": net})["criterion"] == "weights"


def test_the_worker_pauses_on_a_divergence_and_can_go_on(small_data):
    session = TrainingSession(small("fast", iterations=6, lr_d=1000.0, lr_g=1000.0), small_data)
    worker = TrainingWorker(session)
    records = worker.records()
    diverged = next(records)
    assert diverged.stop_reason.code == "diverged" and diverged.paused and not diverged.finished
    assert diverged.samples is not None and worker.paused
    worker.set_learning_rate("d", 1e-3)
    worker.set_learning_rate("g", 1e-3)
    worker.resume()
    rest = list(records)
    assert rest[-1].stop_reason.code == "iteration_limit" and session.iteration == 6


def test_stop_reasons_are_codes_in_checkpoints_and_old_sentences_map_to_codes(small_data, tmp_path):
    config = small("seed", iterations=50, stop_rule="original", stop_tolerance=0.5)
    session = TrainingSession(config, small_data)
    list(session.run())
    assert session.finished_reason.code == "original_rule"
    loaded = load_checkpoint(save_checkpoint(session, tmp_path / "rule.npz"), small_data)
    assert loaded.finished_reason == session.finished_reason
    assert StopReason.from_saved("original rule: mean of rounded D outputs = 0.500") == \
        StopReason("original_rule", {"rounded_mean": 0.5})
    assert StopReason.from_saved("equilibrium: D(real) = 0.510, D(fake) = 0.490 over 100 iterations") \
        == StopReason("equilibrium", {"d_real": 0.51, "d_fake": 0.49, "window": 100})
    assert StopReason.from_saved("iterations").code == "iteration_limit"
    old = session.state_dict()
    old["finished_reason"] = "original rule: mean of rounded D outputs = 0.500"
    loaded.load_state_dict(old)
    assert loaded.finished_reason.describe() == "original rule: mean of rounded D outputs = 0.500"


def test_the_command_line_writes_the_kept_model_and_says_what_happened(tmp_path, capsys):
    from ganstudio.cli.main import main
    from ganstudio.cli.train_command import DIVERGED_EXIT

    out = tmp_path / "run"
    code = main(["train", "--preset", "fast", "--iterations", "50", "--set", "lr_d=1000",
                 "--set", "lr_g=1000", "--set", "g_hidden=32", "--set", "d_hidden=32",
                 "--out", str(out)])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == DIVERGED_EXIT == 3
    message = lines[-1]
    assert message.startswith("training diverged at iteration 1 (")
    assert "kept the model of iteration 0" in message and "try lower learning rates" in message
    assert "Traceback" not in "\n".join(lines)
    saved = load_checkpoint(out / "checkpoint.npz")
    fresh = TrainingSession(saved.config)
    assert saved.iteration == 0
    assert_same_weights(weights(saved), weights(fresh))
    assert (out / "grid.png").is_file() and (out / "metrics.csv").is_file()


def test_the_window_goes_back_pauses_says_so_and_saves_the_kept_model(make_window, qtbot,
                                                                        tmp_path, monkeypatch):
    from ganstudio.gui.training.controller import State

    from support.gui import iterations_so_far

    path = tmp_path / "kept.npz"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *args, **kwargs: (str(path), ""))
    window = make_window()
    for expected in range(1, 6):
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: iterations_so_far(window) == expected, timeout=10_000)
    session = window.controller.session
    trained = weights(session)
    window.controller.set_learning_rate("d", 1e30)
    window.controller.set_learning_rate("g", 1e30)
    window.actions.start_pause.trigger()
    qtbot.waitUntil(window.message_bar.isVisible, timeout=20_000)
    text = window.message_bar.label.text()
    assert "diverged at iteration 6" in text and "iteration 5" in text
    assert window.controller.state is State.PAUSED
    assert window.actions.start_pause.text() == "Start"
    assert session.iteration == 5 and len(window.controller.history) == 5
    # The loss plot keeps what was undone, and marks where training went back.
    losses = window.view.losses
    qtbot.waitUntil(lambda: losses.rollback.isVisible(), timeout=10_000)
    assert losses.rollback.value() == 5
    window.actions.save_checkpoint.trigger()
    assert_same_weights(weights(load_checkpoint(path)), trained)
