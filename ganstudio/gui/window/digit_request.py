"""Asking a conditional G for a digit from the window: the picker over the digit grid appears for
a conditional session (also in presenter mode), and a pick redraws the grid with that digit (or a
row per digit) and has the class chart judge those same samples, so the chart says what the grid
shows."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ganstudio.gui.panels.digit_picker import DigitPicker
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.views.training_view import TrainingView


class DigitRequest:
    def __init__(self, controller: TrainingController, view: TrainingView,
                 picker: DigitPicker, show_quality: Callable[[np.ndarray], None]) -> None:
        self._controller, self._view = controller, view
        self._show_quality = show_quality   # the class chart's show_samples
        self.picker = picker
        self.picker.hide()
        controller.session_replaced.connect(self.show_session)
        self.picker.picked.connect(self.ask)

    def show_session(self, session) -> None:
        conditional = session is not None and session.is_conditional
        self.picker.setVisible(conditional)
        if conditional:
            self.picker.show_digits(session.trained_digits(), session.asked_digit)

    def ask(self, digit: int | None) -> None:
        """The grid shows `digit` from now on; drawn at once, between iterations."""
        with self._controller.quiescent() as session:
            if session is None or not session.is_conditional:
                return
            session.ask_digit(digit)   # the picker offers only digits the session can draw
            samples = session.sample()
        self._controller.latest_samples = samples
        self._view.show_samples(samples)
        self._show_quality(samples)
