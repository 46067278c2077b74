"""The status bar's permanent fields: state, iteration, speed, D's means, data and preset."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar

from ganstudio.gui.training.controller import State
from ganstudio.gui.training.stop_words import reason_words


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.state = QLabel()
        self.iteration = QLabel()
        self.rate = QLabel()
        self.means = QLabel()
        self.data = QLabel()
        self.preset = QLabel()
        self.pending = QLabel(self.tr("Settings changed: Reset (Ctrl+R) applies them"))
        self.pending.setStyleSheet("font-weight: bold; color: palette(highlight);")
        self.pending.hide()
        for label in (self.pending, self.state, self.iteration, self.rate, self.means,
                      self.data, self.preset):
            bar.addPermanentWidget(label)
        self.fit_to_font()

    def fit_to_font(self) -> None:
        """Sizes the live fields for the current font (again after a zoom)."""
        # The live fields get a fixed size, wide enough for their widest text: a label whose
        # size may change asks the whole window to lay itself out again with every new number
        # (Qt skips that only for fixed-size widgets), and the window repaints its background.
        for label, sample in ((self.iteration, self.tr("iteration {n}").format(n=8_888_888)),
                              (self.rate, self.tr("{rate:.1f} it/s").format(rate=88_888.8)),
                              (self.means, self.tr("D(real) {real:.3f}  D(fake) {fake:.3f}").format(
                                  real=0.888, fake=0.888))):
            text = label.text()
            label.setMinimumSize(0, 0)   # a QLabel's size hint is never below its minimum size
            label.setText(sample)
            label.setFixedSize(label.sizeHint().width() + 8, label.sizeHint().height())
            label.setText(text)

    def show_state(self, state: State, last_progress=None) -> None:
        texts = {
            State.IDLE: self.tr("Ready: press Space to start"),
            State.RUNNING: self.tr("Training"),
            State.PAUSED: self.tr("Paused"),
            State.FINISHED: self.tr("Finished"),
            State.FAILED: self.tr("Stopped by an error"),
        }
        text = texts[state]
        reason = last_progress.stop_reason if last_progress is not None else None
        if state is State.FINISHED and reason:
            text = self.tr("Finished: {reason}").format(reason=reason_words(reason))
        self.state.setText(text)
        # The core's own words, with the numbers that made a stopping rule fire.
        self.state.setToolTip(reason.describe() if state is State.FINISHED and reason else "")

    def show_verdict(self, headline: str, words: str) -> None:
        """The end of a run's verdict after "Finished: …"; the full sentences as the tooltip."""
        self.state.setText(self.tr("{state} — {verdict}").format(state=self.state.text(),
                                                                  verdict=headline))
        self.state.setToolTip(words + "\n" + self.state.toolTip())

    def show_session(self, session, dataset_name: str) -> None:
        """A new or loaded session: its last D means if it has trained, else placeholders (the
        fields are fixed-size, so empty ones would leave a hole in the bar)."""
        self.iteration.setText(self.tr("iteration {n}").format(n=session.iteration))
        self.rate.setText(self.tr("— it/s"))
        history = session.history
        if history["d_real"]:
            self._show_means(history["d_real"][-1], history["d_fake"][-1])
        else:
            self.means.setText(self.tr("D(real) —  D(fake) —"))
        self.data.setText(dataset_name)
        self.preset.setText(self.tr("preset: {name}").format(name=session.config.name))

    def show_progress(self, progress) -> None:
        """As often as the "status" row of the refresh table says (refresh_scheduler.py)."""
        self.iteration.setText(self.tr("iteration {n}").format(n=progress.iteration))
        self.rate.setText(self.tr("{rate:.1f} it/s").format(rate=progress.steps_per_sec))
        self._show_means(progress.d_real, progress.d_fake)

    def _show_means(self, d_real: float, d_fake: float) -> None:
        self.means.setText(self.tr("D(real) {real:.3f}  D(fake) {fake:.3f}").format(
            real=d_real, fake=d_fake))

    def show_pending(self, pending: bool) -> None:
        self.pending.setVisible(pending)
