"""The digit grid draws exactly the mosaic it holds: at 1:1 pixel for pixel, and scaled to fit
with its aspect kept."""

from __future__ import annotations

import numpy as np

from ganstudio.gui.views.digit_view import DigitView
from ganstudio.gui.views.training_view import TrainingView


def _grey(widget) -> np.ndarray:
    image = widget.grab().toImage()
    return np.array([[image.pixelColor(x, y).red() for x in range(image.width())]
                     for y in range(image.height())])


def test_at_one_to_one_every_pixel_is_the_mosaics(qtbot):
    view = DigitView(2, 3)
    qtbot.addWidget(view)
    images = np.random.default_rng(0).integers(0, 256, (6, 28, 28), dtype=np.uint8)
    view.set_digits(images)
    view.resize(view.mosaic.shape[1], view.mosaic.shape[0])
    assert view.mosaic.shape == (58, 88)
    assert np.array_equal(_grey(view), view.mosaic)


def test_scaled_to_fit_centred_across_and_top_aligned_on_the_background(qtbot):
    view = DigitView(1, 1)
    qtbot.addWidget(view)
    view.setBackground("#ff0000")
    view.set_digits(np.full((1, 28, 28), 200, np.uint8))
    view.resize(100, 56)                       # wide: the square digit is 56 px, centred
    rect = view.image_rect()
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (22, 0, 56, 56)
    image = view.grab().toImage()
    assert image.pixelColor(5, 28).name() == "#ff0000"            # left margin: background
    assert image.pixelColor(50, 28).red() == image.pixelColor(50, 28).green() == 200
    view.resize(40, 100)                       # tall: 40 px wide, at the top
    rect = view.image_rect()
    assert (rect.x(), rect.y(), rect.width(), rect.height()) == (0, 0, 40, 40)


def test_the_digits_fill_their_width_and_ds_histogram_takes_the_height_left(qtbot):
    from ganstudio.gui.theme import theme_named
    from ganstudio.gui.views.training_view import DigitsOverOutputs, TrainingView

    view = TrainingView(theme_named("dark"))
    qtbot.addWidget(view)
    view.grid.set_digits(np.zeros((100, 28, 28), np.uint8))
    column = next(view.widget(i) for i in range(view.count())
                  if isinstance(view.widget(i), DigitsOverOutputs))
    outputs = view.outputs.widget.parentWidget()   # D's histogram under the timeline's slider
    view.show()
    qtbot.waitExposed(view)
    column.resize(480, 820)                    # landscape screens: the width limits the grid
    rect = view.grid.image_rect()
    assert abs(rect.height() - view.grid.height()) <= 1      # no empty band under the digits
    assert rect.width() == view.grid.width()
    assert outputs.y() >= view.grid.mapTo(column, view.grid.rect().bottomLeft()).y()
    assert outputs.height() == 820 - outputs.y() > 300      # the histogram has the rest
    column.resize(480, 420)                    # short: the histogram keeps its least height,
    # or what its title and axes need, if more (given less, it was drawn past its widget)
    assert outputs.height() == max(DigitsOverOutputs.MIN_BELOW, outputs.minimumSizeHint().height())
    assert view.grid.image_rect().height() <= view.grid.height()


def test_the_split_is_right_when_the_window_was_sized_before_it_was_shown(qtbot):
    """The first resize comes while the row is hidden and cannot be measured (it read the
    grid at its default 640 px and left a band empty above the histogram at 1024x640)."""
    from ganstudio.gui.theme import theme_named
    from ganstudio.gui.views.training_view import DigitsOverOutputs

    view = TrainingView(theme_named("dark"))
    qtbot.addWidget(view)
    view.grid.set_digits(np.zeros((100, 28, 28), np.uint8))
    view.resize(620, 550)                       # before show, as a restored window is
    view.show()
    qtbot.waitExposed(view)
    column = next(view.widget(i) for i in range(view.count())
                  if isinstance(view.widget(i), DigitsOverOutputs))
    assert abs(view.grid.image_rect().height() - view.grid.height()) <= 1
    assert view.outputs.widget.parentWidget().y() <= view.grid.mapTo(column, view.grid.rect().bottomLeft()).y() + 8


def test_the_welcome_box_keeps_its_hint_line_at_1024x768(make_window, qtbot):
    """At 1024x768 the box dropped "→ one step · ? all keys · F1 help", the only words that say
    how to step and get help (issue 20)."""
    window = make_window()
    window.resize(1024, 720)
    qtbot.waitExposed(window)
    welcome = window.display.welcome
    assert welcome.isVisible()
    kept, *_ = welcome.fitted(window.view.grid.image_rect())
    texts = [piece[0] for piece in kept]
    assert [welcome.title, welcome.call, welcome.hint] == [t for t in texts if t != welcome.body]
