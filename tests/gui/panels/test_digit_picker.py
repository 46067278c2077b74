"""The window's digit picker: shown for a conditional session only; a pick redraws the grid with
that digit (or a row per digit), while training runs too."""

import numpy as np

from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.presets import get_preset
from ganstudio.core.data import Dataset, filter_digits
from ganstudio.gui.panels.digit_picker import ALL

from support.gui import TINY_CONFIG

TINY_CONDITIONAL = with_overrides(get_preset("conditional"), {
    "g_hidden": (32,), "d_hidden": (32,), "noise_dim": 16, "batch_size": 16, "iterations": 1_000_000,
})


def grid(window):
    return window.view.grid.digits


def test_the_picker_is_shown_for_a_conditional_session_only(make_window):
    window = make_window(TINY_CONFIG)
    assert window.view.digit_picker.isHidden()
    window = make_window(TINY_CONDITIONAL)
    picker = window.view.digit_picker
    assert picker.isVisible() and picker.digit() is None


def test_picking_a_digit_fills_the_grid_with_it_and_all_gives_a_row_each(make_window, qtbot):
    window = make_window(TINY_CONDITIONAL)
    picker, session = window.view.digit_picker, window.controller.session
    rows = np.repeat(np.arange(10), 10)
    assert np.array_equal(grid(window), session.draw(session.fixed_noise, rows))
    picker.group.button(7).click()
    assert session.asked_digit == 7
    marked = [d for d in range(11) if picker.group.button(d).styleSheet()]
    assert marked == [7]   # the choice shows in the highlight colour
    assert np.array_equal(grid(window), session.draw(session.fixed_noise, np.full(100, 7)))
    picker.group.button(ALL).click()
    assert np.array_equal(grid(window), session.draw(session.fixed_noise, rows))


def test_a_pick_while_training_holds_for_the_grids_that_follow(make_window, qtbot):
    window = make_window(TINY_CONDITIONAL)
    picker, c = window.view.digit_picker, window.controller
    c.start()
    qtbot.waitUntil(lambda: c.last_progress is not None and c.last_progress.iteration >= 2)
    picker.group.button(3).click()
    shown = grid(window)
    qtbot.waitUntil(lambda: grid(window) is not shown and c.last_progress.iteration > 4)
    c.pause()
    qtbot.waitUntil(lambda: c.last_progress.paused)
    with c.quiescent() as session:
        assert session.asked_digit == 3
        assert np.array_equal(session.sample(), session.draw(session.fixed_noise, np.full(100, 3)))


def test_a_new_session_goes_back_to_all_and_offers_the_digits_it_learnt(make_window, small_data):
    window = make_window(TINY_CONDITIONAL, dataset=filter_digits(small_data, [2, 5]))
    picker = window.view.digit_picker
    assert [d for d in range(10) if picker.group.button(d).isEnabled()] == [2, 5]
    picker.group.button(5).click()
    window.policy.reset()
    assert picker.digit() is None and window.controller.session.asked_digit is None


def test_the_conditional_preset_on_data_without_labels_says_so_and_keeps_the_session(make_window,
                                                                                     small_data):
    unlabelled = Dataset(small_data.images, None, "my drawings", "/tmp/my-drawings")
    window = make_window(TINY_CONFIG, dataset=unlabelled)
    before = window.controller.session
    window.preset_box.setCurrentIndex(window.preset_box.findData("conditional"))
    assert "needs a dataset with digit labels" in window.message_bar.label.text()
    assert window.controller.session is before and window.view.digit_picker.isHidden()


def test_the_picker_sits_over_the_grid_and_stays_in_presenter_mode(make_window):
    """In the data dock it lay under "Digits to learn", an identical row of 0-9, and presenter
    mode hid it with the dock (issue 20)."""
    from ganstudio.core.config.presets import get_preset

    window = make_window(config=get_preset("conditional"))
    picker, grid = window.view.digit_picker, window.view.grid
    assert picker.isVisible()
    assert not window.docks.data.widget().isAncestorOf(picker)
    assert picker.mapTo(window, picker.rect().bottomLeft()).y() <= grid.mapTo(window, grid.rect().topLeft()).y()
    window.presenter.set(True)
    assert picker.isVisible()
    button = picker.group.button(8)
    assert button.width() >= button.fontMetrics().horizontalAdvance("8")   # its digit not cut


def test_the_class_chart_judges_the_digit_asked_for_not_the_old_grid(make_window, qtbot):
    from ganstudio.core.quality.evaluation import class_report

    window = make_window(TINY_CONDITIONAL)
    chart = window.quality_panel.coverage
    qtbot.waitUntil(lambda: chart.report is not None and not chart.busy, timeout=20000)
    with qtbot.waitSignal(chart.judged, timeout=20000) as signal:
        window.view.digit_picker.group.button(7).click()
    sevens = grid(window)
    assert np.array_equal(sevens, window.controller.session.draw(window.controller.session.fixed_noise,
                                                                 np.full(100, 7)))
    np.testing.assert_array_equal(signal.args[0].histogram, class_report(sevens).histogram)
