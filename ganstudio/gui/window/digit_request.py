"""Asking a conditional G for a digit from the window: the picker in the data dock appears for a
conditional session, and a pick redraws the grid with that digit (or a row per digit)."""

from __future__ import annotations


class DigitRequest:
    def __init__(self, window) -> None:
        self._window = window
        self.picker = window.data_panel.digit_picker
        self.picker.hide()
        window.controller.session_replaced.connect(self.show_session)
        self.picker.picked.connect(self.ask)

    def show_session(self, session) -> None:
        conditional = session is not None and session.is_conditional
        self.picker.setVisible(conditional)
        if conditional:
            self.picker.show_digits(session.trained_digits(), session.asked_digit)

    def ask(self, digit: int | None) -> None:
        """The grid shows `digit` from now on; drawn at once, between iterations."""
        w = self._window
        with w.controller.quiescent() as session:
            if session is None or not session.is_conditional:
                return
            session.ask_digit(digit)   # the picker offers only digits the session can draw
            samples = session.sample()
        w.controller.latest_samples = samples
        w.view.show_samples(samples)
