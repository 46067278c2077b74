"""The scenario caption over the digits: it names what is on screen, and its text follows the
zoom (issue 20)."""

from __future__ import annotations

from ganstudio.core.config.scenarios import SCENARIOS
from ganstudio.gui import zoom

# Views presenter mode hides: the Quality dock's chart and the folded loss curves.
HIDDEN_ON_STAGE = ("What is G drawing?", "loss curves")


def test_in_presenter_mode_the_caption_names_only_views_on_screen(make_window):
    window = make_window()
    window.presenter.set(True)
    assert window.view.plots.sizes()[1] == 0 and not window.docks.quality.isVisible()
    for scenario in SCENARIOS:
        window.caption.show_scenario(scenario)
        assert not any(view in window.caption.watch.text() for view in HIDDEN_ON_STAGE), scenario.name
    window.presenter.set(False)
    window.caption.show_scenario(SCENARIOS[0])
    assert "What is G drawing?" in window.caption.watch.text()   # at the desk, the chart is there


def test_the_story_line_follows_the_zoom(make_window):
    window = make_window()
    window.caption.show_scenario(SCENARIOS[1])
    window.set_zoom(1.0)
    story, watch = window.caption.story.fontInfo().pixelSize(), window.caption.watch.fontInfo().pixelSize()
    window.set_zoom(2.0)
    assert window.caption.watch.fontInfo().pixelSize() >= 2 * watch - 1
    assert window.caption.story.fontInfo().pixelSize() >= 2 * story - 1   # was stuck at 100 %'s
    assert window.caption.story.fontInfo().pixelSize() > window.caption.watch.fontInfo().pixelSize()
    zoom.set_current(zoom.NORMAL_ZOOM)
