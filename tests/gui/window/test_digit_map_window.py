"""View ▸ Map of Digit Space (issue 22 part 1): the live map in a window of its own, computed
where the session holds still, with one cloud per class of the data trained on."""

from __future__ import annotations

import numpy as np

from ganstudio.gui.views.digit_map_view import arrow_segments


def test_each_arrow_is_a_shaft_and_two_head_strokes_ending_at_its_tip():
    starts = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]])
    ends = np.array([[1.0, 0.0], [1.0, 3.0], [2.0, 2.0]])   # the last one has no length
    pairs = arrow_segments(starts, ends).reshape(3, 3, 2, 2)
    assert np.array_equal(pairs[:, 0, 0], starts) and np.array_equal(pairs[:, 0, 1], ends)
    assert np.array_equal(pairs[:, 1:, 0], np.repeat(ends[:, None], 2, axis=1))
    strokes = pairs[:2, 1:, 1] - ends[:2, None]
    shafts = (ends - starts)[:2, None]
    assert np.all(np.sum(strokes * shafts, axis=2) < 0)          # heads point back along the shaft
    assert np.allclose(pairs[2, 1:, 1], ends[2])                 # no length, no head


def test_the_map_window_shows_the_session_now_with_the_classes_trained_on(make_window, qtbot):
    window = make_window()
    window.data_panel.digit_filter.set_digits((3, 5))
    window.actions.reset.trigger()
    for _ in range(3):
        before = window.controller.session.iteration
        window.actions.step.trigger()
        qtbot.waitUntil(lambda: window.controller.session.iteration > before, timeout=10_000)
    assert window.actions.digit_map in window.menuBar().actions()[3].menu().actions() or any(
        window.actions.digit_map in a.menu().actions() for a in window.menuBar().actions() if a.menu())
    window.actions.digit_map.trigger()
    view = window.digit_map.view
    qtbot.waitUntil(lambda: view.shown_iteration == window.controller.session.iteration, timeout=10_000)
    assert window.digit_map.window.isVisible()
    assert len(view.fakes.data) == window.controller.session.config.sample_count
    names = [label.text for _, label in view.legend.items]
    assert names == ["real 3", "real 5", "fake"]
    assert len(view.arrows.xData) == 6 * len(view.fakes.data)


def test_closing_the_map_window_stops_its_refreshes(make_window, qtbot):
    window = make_window()
    window.actions.digit_map.trigger()
    qtbot.waitUntil(lambda: window.digit_map.view.shown_iteration is not None, timeout=10_000)
    window.digit_map.window.close()
    window.digit_map.refresh()
    assert not window.digit_map._timer.isActive()
