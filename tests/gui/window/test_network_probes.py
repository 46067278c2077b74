"""Draw for D and Inside G (gui/window/network_probes.py): the drawing is asked of D and the
judge as it is drawn, copies come from the training thread without stopping it, G's one-layer
weights are shown live, deeper G's walk on request."""

import numpy as np
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from ganstudio.core.classroom.discriminator_probe import DiscriminatorProbe, copy_discriminator
from ganstudio.core.classroom.inside_generator import single_layer_weights, weight_images
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.gui.training.controller import State

SEED_CONFIG = with_overrides(get_preset("seed"), {"real_per_iter": 100, "fake_per_iter": 100,
                                                  "iterations": 1_000_000})


def show(dock):
    dock.show()
    dock.raise_()


def draw_one(qtbot, canvas):
    """A vertical stroke down the middle, as the mouse draws it."""
    square = canvas.square()
    x = round(square.center().x())
    top, bottom = round(square.top() + square.height() * 0.18), round(square.bottom() - square.height() * 0.18)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, top))
    for y in range(top, bottom, 6):
        qtbot.mouseMove(canvas, QPoint(x, y))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(x, bottom))


def test_drawing_a_one_changes_d_and_the_judge_says_one(qtbot, make_window):
    window = make_window()
    probes, panel = window.probes, window.probes.draw_panel
    show(probes.draw_dock)
    qtbot.waitUntil(lambda: probes.probe.ready)   # D's copy arrived
    assert panel.answers == (None, None)          # a blank canvas gets no verdict
    blank_judge = np.full(10, 0.1)
    draw_one(qtbot, panel.canvas)
    assert panel.canvas.image()[5:23, 13:15].min() == 255 and panel.canvas.image()[:, :8].max() == 0
    qtbot.waitUntil(lambda: panel.answers[0] is not None)
    d, judge = panel.answers
    expected = DiscriminatorProbe()
    expected.load(copy_discriminator(window.controller.session))
    assert d == pytest.approx(expected.real_probability(panel.canvas.image()))
    assert judge.argmax() == 1 and judge[1] > 0.9 and blank_judge[1] < 0.5
    assert "%" in panel.d_answer.text() and "1" in panel.judge_answer.text()
    panel.clear_button.click()
    qtbot.waitUntil(lambda: panel.answers == (None, None))
    assert panel.d_answer.text() == "D: —" and panel.judge_answer.text() == ""


def test_d_has_a_yardstick_and_the_judge_says_not_a_digit_for_a_scribble(qtbot, make_window):
    from ganstudio.core.quality.verdict import recent_means

    window = make_window()
    probes, panel = window.probes, window.probes.draw_panel
    show(probes.draw_dock)
    window.actions.step.trigger()                 # one iteration: D has means to compare with
    qtbot.waitUntil(lambda: window.controller.session.iteration >= 1)
    probes.refresh()
    qtbot.waitUntil(lambda: "real digits" in panel.yardstick.text(), timeout=10_000)
    real, fake = recent_means(window.controller.session.history, 10)
    assert f"{100 * real:.1f} %" in panel.yardstick.text()
    assert f"{100 * fake:.1f} %" in panel.yardstick.text()
    scribble = np.random.default_rng(3).integers(0, 256, (28, 28), dtype=np.uint8)
    panel.canvas.set_image(scribble)
    qtbot.waitUntil(lambda: "not a digit" in panel.judge_answer.text())
    assert "sure" not in panel.judge_answer.text()


def test_d_follows_training_without_stopping_it(qtbot, make_window):
    window = make_window()
    probes, panel, c = window.probes, window.probes.draw_panel, window.controller
    show(probes.draw_dock)
    draw_one(qtbot, panel.canvas)
    qtbot.waitUntil(lambda: panel.answers[0] is not None)
    first = panel.answers[0]
    stops = []
    c.quiescent = lambda: stops.append(1)   # the drawing must never need it
    c.start()
    thread = c._thread
    qtbot.waitUntil(lambda: panel.answers[0] != first, timeout=10_000)   # D moved, we followed
    assert c.state is State.RUNNING and c._thread is thread and thread.isRunning() and not stops
    assert c.refresh.count("inside") > 0
    c.pause()


def test_a_picture_is_shown_and_a_bad_file_gets_one_line(qtbot, make_window, tmp_path):
    window = make_window()
    probes, canvas = window.probes, window.probes.draw_panel.canvas
    picture = np.zeros((56, 56), np.uint8)
    picture[8:48, 24:32] = 255
    Image.fromarray(picture).save(tmp_path / "one.png")
    probes.open_path(str(tmp_path / "one.png"))
    opened = canvas.image()
    assert opened[14, 14] > 200 and opened[14, 3] == 0
    (tmp_path / "bad.png").write_bytes(b"no picture here")
    probes.open_path(str(tmp_path / "bad.png"))
    assert window.message_bar.isVisible()
    message = window.message_bar.label.text()
    assert "bad.png: not a readable picture" in message and "\n" not in message
    assert np.array_equal(canvas.image(), opened)   # the drawing is kept


def test_the_seed_generator_weights_are_shown_live(qtbot, make_window):
    window = make_window(SEED_CONFIG)
    probes, panel, c = window.probes, window.probes.generator_panel, window.controller
    show(probes.generator_dock)
    assert panel.shows_weights
    weights = lambda: weight_images(single_layer_weights(c.session.algorithm), 100)  # noqa: E731
    qtbot.waitUntil(lambda: np.array_equal(panel.weights.digits, weights()))
    before = panel.weights.digits.copy()
    c.step()
    qtbot.waitUntil(lambda: c.session.iteration == 1 and c.last_progress is not None)
    qtbot.waitUntil(lambda: not np.array_equal(panel.weights.digits, before))
    assert np.array_equal(panel.weights.digits, weights())


def test_a_deeper_generator_walks_between_noise_vectors(qtbot, make_window):
    window = make_window()   # the tiny `fast` configuration: G has a hidden layer
    probes, panel = window.probes, window.probes.generator_panel
    show(probes.generator_dock)
    assert not panel.shows_weights
    qtbot.waitUntil(lambda: len(panel.walk.digits) == 10)
    first = panel.walk.digits.copy()
    assert len({image.tobytes() for image in first}) > 1       # the row morphs
    assert np.array_equal(first, window.controller.session.draw(probes._walk.noise()))
    panel.new_pair.click()
    qtbot.waitUntil(lambda: not np.array_equal(panel.walk.digits, first))
    paired = panel.walk.digits.copy()
    panel.animate.setChecked(True)
    qtbot.waitUntil(lambda: not np.array_equal(panel.walk.digits, paired))
    panel.animate.setChecked(False)
    assert not probes._walk_timer.isActive()


def test_a_hidden_dock_asks_for_nothing(qtbot, make_window):
    window = make_window(SEED_CONFIG)
    probes = window.probes
    probes.draw_dock.hide()
    probes.generator_dock.hide()
    asked = []
    window.controller.between_records = asked.append
    probes.refresh()
    assert asked == []
    show(probes.draw_dock)
    assert len(asked) == 1
