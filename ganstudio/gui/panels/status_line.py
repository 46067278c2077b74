"""The status bar's permanent fields: state, iteration, speed, D's means, data and preset."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QRect, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QStatusBar, QWidget

from ganstudio.core.training.smoothed_means import SPAN, latest_means
from ganstudio.gui.training.controller import State
from ganstudio.gui.training.stop_reason_text import reason_words


def _width(label: QLabel) -> int:
    """A fixed field's width, or what the label's text needs (also while it is hidden)."""
    return label.minimumWidth() or label.sizeHint().width()


class _Fields(QWidget):
    """The status bar's fields in a row that fits its width. The state takes what the fixed
    fields leave and wraps rather than being cut; when that is less than a third of the row
    (large type), the fields that matter least step aside, and if the rest still leave too
    little, the state gets a row of its own above them."""

    def __init__(self, state: QLabel, fields: list[QLabel], optional: list[QLabel]) -> None:
        super().__init__()
        self.state, self.fields, self.optional = state, fields, optional
        self.compact = False   # presenter mode: the fields read at the desk stay hidden
        self.desk_only: tuple[QLabel, ...] = ()
        self.comparing = False   # the Compare tab: the main run's fields stay hidden
        self.main_run_only: tuple[QLabel, ...] = ()
        self._stacked: bool | None = None
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setVerticalSpacing(0)
        for column, label in enumerate(fields, start=1):
            layout.addWidget(label, 1, column)
        layout.setColumnStretch(0, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Shows each wanted field that fits, and gives the state the room and height it needs."""
        spacing = self.layout().horizontalSpacing()
        wanted = [f for f in self.fields if f.property("wanted") is not False
                  and not (self.compact and f in self.desk_only)
                  and not (self.comparing and f in self.main_run_only)]
        room = self.width() - self.width() // 3
        for label in self.optional:   # dropped from the first, while the rest do not fit
            if sum(_width(f) + spacing for f in wanted) <= room:
                break
            if label in wanted:
                wanted.remove(label)
        for label in self.fields:
            label.setVisible(label in wanted)
        used = sum(_width(f) + spacing for f in wanted)
        self._place_state(stacked=used > room)
        state_width = max(1, self.width() - (0 if self._stacked else used))
        # The state's height for that width: a wrapped label's own minimum is measured at its
        # narrowest, as tall as a column of single words.
        wrapped = self.state.fontMetrics().boundingRect(
            QRect(0, 0, state_width, 10_000), Qt.TextFlag.TextWordWrap, self.state.text())
        self.state.setMinimumWidth(1)
        self.state.setFixedHeight(max(wrapped.height(), self.state.fontMetrics().height()))

    def _place_state(self, stacked: bool) -> None:
        """Beside the fields (row 1), or over the whole width above them (row 0)."""
        if stacked == self._stacked:
            return
        self._stacked = stacked
        layout = self.layout()
        layout.removeWidget(self.state)
        if stacked:
            layout.addWidget(self.state, 0, 0, 1, len(self.fields) + 1)
        else:
            layout.addWidget(self.state, 1, 0)


class StatusLine(QObject):
    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.state = QLabel()
        self.iteration = QLabel()
        self.rate = QLabel()
        self.means = QLabel()
        self.data = QLabel()
        self.preset = QLabel()
        self.start_key = "Space"   # the Start action's key, as the window's actions say it
        self._explained = SPAN   # the iterations the means' tooltip speaks of
        self.pending = QLabel(self.tr("Settings changed: Reset (Ctrl+R) applies them"))
        self.pending.setStyleSheet("font-weight: bold; color: palette(highlight);")
        self.pending.hide()
        self.pending.setProperty("wanted", False)
        # The state says why a run ended (scenario 6 asks the audience to read it): it wraps.
        self.state.setWordWrap(True)
        self.state.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.row = _Fields(self.state, [self.pending, self.iteration, self.rate, self.means,
                                        self.data, self.preset],
                           optional=[self.data, self.preset, self.rate])
        self.row.desk_only = (self.data, self.preset)
        self.row.main_run_only = (self.pending, self.iteration, self.rate, self.means, self.preset)
        bar.addPermanentWidget(self.row, 1)
        self.fit_to_font()

    def set_compact(self, on: bool) -> None:
        """Presenter mode: the data and preset fields, read at the desk, step aside."""
        self.row.compact = on
        self.row.fit()

    def show_comparing(self, on: bool) -> None:
        """The Compare tab: the bar speaks of the two runs, not of the paused main one (its
        "Ready: press Space to start" and iteration 0 read as the compared runs'). Leaving,
        the window shows the main run's state again."""
        self.row.comparing = on
        if on:
            self.state.setText(self.tr("Comparing two runs: {key} starts or pauses both; C goes back "
                                       "to the main run").format(key=self.start_key))
            self.state.setToolTip("")
        self.row.fit()

    def fit_to_font(self) -> None:
        """Sizes the live fields for the current font (again after a zoom)."""
        # The live fields get a fixed size, wide enough for their widest text: a label whose
        # size may change asks the whole window to lay itself out again with every new number
        # (Qt skips that only for fixed-size widgets), and the window repaints its background.
        for label, sample in ((self.iteration, self.tr("iteration {n}").format(n=8_888_888)),
                              (self.rate, self.tr("{rate:.1f} it/s").format(rate=88_888.8)),
                              (self.means, self._means_text(0.888, 0.888, SPAN))):
            text = label.text()
            label.setMinimumSize(0, 0)   # a QLabel's size hint is never below its minimum size
            label.setText(sample)
            label.setFixedSize(label.sizeHint().width() + 8, label.sizeHint().height())
            label.setText(text)
        self.row.fit()
        self._explain_means(SPAN)

    def _explain_means(self, count: int) -> None:
        """The tooltip says over how many iterations (fewer than SPAN early in a run)."""
        self.means.setToolTip(self.tr(
            "D's mean verdicts on real digits and on G's fakes over the last {n} iterations: "
            "the numbers the equilibrium plot's curves end on. One iteration's batch alone "
            "jumps about by 0.1 or more.").format(n=count))

    def show_state(self, state: State, last_progress=None) -> None:
        texts = {
            State.IDLE: self.tr("Ready: press {key} to start").format(key=self.start_key),
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
        self.row.fit()
        # The core's own words, with the numbers that made a stopping rule fire.
        self.state.setToolTip(reason.describe() if state is State.FINISHED and reason else "")

    def show_verdict(self, headline: str, words: str) -> None:
        """The end of a run's verdict after "Finished: …"; the full sentences as the tooltip."""
        self.state.setText(self.tr("{state} — {verdict}").format(state=self.state.text(),
                                                                  verdict=headline))
        self.row.fit()
        self.state.setToolTip(words + "\n" + self.state.toolTip())

    def show_session(self, session, dataset_name: str, history) -> None:
        """A new or loaded session (`history`: the window's copy of its history): its smoothed
        D means if it has trained, else placeholders (the fields are fixed-size, so empty ones
        would leave a hole in the bar)."""
        self.iteration.setText(self.tr("iteration {n}").format(n=session.iteration))
        self.rate.setText(self.tr("— it/s"))
        self._show_means(history)
        self.data.setText(dataset_name)
        self.preset.setText(self.tr("preset: {name}").format(name=session.config.name))

    def show_progress(self, progress, history) -> None:
        """As often as the "status" row of the refresh table says (refresh_scheduler.py). The
        means come from the finished iterations in `history`, like the plot's: a record from
        the middle of an iteration (Shift+→) has no D means yet."""
        self.iteration.setText(self.tr("iteration {n}").format(n=progress.iteration))
        self.rate.setText(self.tr("{rate:.1f} it/s").format(rate=progress.steps_per_sec))
        self._show_means(history)

    def _show_means(self, history) -> None:
        means = latest_means(history)
        if means is None or not all(math.isfinite(value) for value in means[:2]):
            self.means.setText(self.tr("D(real) —  D(fake) —"))
        else:
            self.means.setText(self._means_text(*means))
            if means[2] != self._explained:   # the count stops changing once it reaches SPAN
                self._explained = means[2]
                self._explain_means(means[2])

    def _means_text(self, real: float, fake: float, _span: int) -> str:
        # The span ("mean of last 50") is in the tooltip: in the text it pushed the data
        # field under the means at 1024 px.
        return self.tr("D(real) ≈ {real:.2f}  D(fake) ≈ {fake:.2f}").format(real=real, fake=fake)

    def show_pending(self, pending: bool, on_start: bool = False) -> None:
        """`on_start`: the run has finished, and Space starts a new one with the changes."""
        self.pending.setText(self.tr("Settings changed: Space starts a new run with them") if on_start
                             else self.tr("Settings changed: Reset (Ctrl+R) applies them"))
        self.pending.setProperty("wanted", pending)
        self.row.fit()
