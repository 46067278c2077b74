"""The layout holds at a 1024x768 projector and a 1920x1080 screen, at 100 % and in presenter
mode at every zoom step, in English and in Chinese: no label's text cut, no widget outside the
window, no plot drawn larger than its widget (issue 20). One window per language, many states."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from ganstudio.core.config.comparisons import COMPARISONS
from ganstudio.core.config.scenarios import get_scenario
from ganstudio.core.training.stopping import ORIGINAL_RULE, StopReason
from ganstudio.gui import translations, zoom
from ganstudio.gui.training.controller import State

from support.layout import layout_problems

SCREENS = ((1024, 768), (1920, 1080))
TASKBAR = 48   # a normal window leaves the screen's panel its room


def _longest_texts(window) -> None:
    """The longest texts the issue found cut: scenario 6's caption and its stopping reason."""
    window.caption.show_scenario(get_scenario("stopping-rule"))
    window.status.show_state(State.FINISHED, _Progress(StopReason(ORIGINAL_RULE, {"rounded_mean": 0.5})))


class _Progress:
    def __init__(self, reason) -> None:
        self.stop_reason = reason


def _settle(window, width: int, height: int) -> list[str]:
    """The window at that size (offscreen, full screen is the 800x800 screen), laid out; a
    window whose minimum size is larger than the screen is a problem of its own."""
    for _attempt in range(3):   # after a change of mode the platform moves the window once more
        window.setGeometry(0, 0, width, height)
        QApplication.processEvents()
        QApplication.processEvents()   # the layouts' posted requests, then what they resized
        if (window.width(), window.height()) == (width, height):
            break
    size = window.size()
    if (size.width(), size.height()) != (width, height):
        return [f"the window is {size.width()}x{size.height()}, not {width}x{height}"
                f" (its minimum: {window.minimumSizeHint().width()}x{window.minimumSizeHint().height()})"]
    return []


def _problems_in_every_state(window, screens=SCREENS) -> list[str]:
    found = []
    for width, height in screens:
        window.presenter.set(False)
        window.set_zoom(zoom.NORMAL_ZOOM)
        found += [f"{width}x{height} normal: {p}"
                  for p in _settle(window, width, height - TASKBAR) + layout_problems(window)]
        window.presenter.set(True)
        for factor in zoom.ZOOM_STEPS:
            window.set_zoom(factor)
            found += [f"{width}x{height} presenter {factor:.0%}: {p}"
                      for p in _settle(window, width, height) + layout_problems(window)]
        window.presenter.set(False)   # every chart back as it was
        found += [f"{width}x{height} after presenter: {p}"
                  for p in _settle(window, width, height - TASKBAR) + layout_problems(window)]
    return found


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_text_cut_and_nothing_outside_the_window(make_window, qtbot, language):
    app = QApplication.instance()
    installed = translations.install_translations(app, QLocale(language)) if language != "en" else []
    try:
        window = make_window()
        _longest_texts(window)
        problems = _problems_in_every_state(window)
        assert problems == [], "\n".join(problems)
    finally:
        for translator in installed:
            app.removeTranslator(translator)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_compare_mode_fits_as_well(make_window, qtbot, language):
    """Compare mode's tab (issue 22 part 2) with "then vs now"'s caption: the D plot in every
    state, the class charts and the maps on the projector's 1024x768."""
    app = QApplication.instance()
    installed = translations.install_translations(app, QLocale(language)) if language != "en" else []
    try:
        window = make_window()
        compare = window.compare
        compare.choose(COMPARISONS[0])
        compare.toggle()   # paused: the layout, not the training, is under test
        assert compare.active
        problems = _problems_in_every_state(window)
        for tab in (1, 2):
            compare.view.below.setCurrentIndex(tab)
            problems += [f"{compare.view.below.tabText(tab)}: {p}"
                         for p in _problems_in_every_state(window, SCREENS[:1])]
        assert problems == [], "\n".join(problems)
    finally:
        for translator in installed:
            app.removeTranslator(translator)
