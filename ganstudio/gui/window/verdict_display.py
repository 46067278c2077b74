"""The verdict at the end of a run (core/quality/verdict.py), in the window: when training finishes,
G's fresh samples are judged off the GUI thread, and the status line and the message bar say
who won and what G draws, in the user's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from ganstudio.core.quality.evaluation import class_report
from ganstudio.core.quality.verdict import SAMPLE_SEED, SAMPLES, judge_verdict, recent_means, render_verdict
from ganstudio.core.quality.verdict import verdict_headline as core_headline
from ganstudio.gui.jobs import JobRunner
from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.panels.status_line import StatusLine
from ganstudio.gui.training.controller import State, TrainingController
from ganstudio.gui.translations import core_text


def translate(text: str) -> str:
    """The core's verdict texts are marked with the context "Verdict" (core/translatable.py)."""
    return core_text("Verdict", text)


def verdict_words(verdict) -> str:
    return render_verdict(verdict, translate)


def verdict_headline(verdict) -> str:
    return core_headline(verdict, translate)


class VerdictDisplay(QObject):
    def __init__(self, controller: TrainingController, status: StatusLine, message_bar: MessageBar,
                 show_error: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._controller, self._status, self._message_bar = controller, status, message_bar
        self._show_error = show_error
        self._runner = JobRunner(self, latest_only=True)
        self.verdict = None   # the last one shown (tests)
        controller.state_changed.connect(self._state_changed)
        controller.session_replaced.connect(lambda _session: self._runner.cancel())

    def _state_changed(self, state: State) -> None:
        if state is not State.FINISHED:
            self._runner.cancel()   # a verdict judged before a restart would be stale
            return
        c = self._controller
        reason = c.last_progress.stop_reason if c.last_progress is not None else None
        # Sampling is quick (between iterations, as for "Evaluate now"); the judge and its
        # first-time likeness fit run in the background.
        with c.quiescent() as session:
            samples = session.sample(SAMPLES, seed=SAMPLE_SEED)
            means = recent_means(session.history)
            reason = reason or session.finished_reason
        self._runner.submit(lambda _report: judge_verdict(class_report(samples), *means, reason),
                            self._show, self._show_error)

    def _show(self, verdict) -> None:
        if self._controller.state is not State.FINISHED:
            return
        self.verdict = verdict
        self._status.show_verdict(verdict_headline(verdict), verdict_words(verdict))
        # A result, good or bad, wears the caption style: the error red is for errors.
        self._message_bar.show_message(
            self.tr("Verdict: {words}").format(words=verdict_words(verdict)), info=True)

    def shutdown(self, wait: bool = True) -> None:
        self._runner.shutdown(wait)
