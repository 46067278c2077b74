"""Undo (Ctrl+Z) and Redo for whatever replaces a trained session: Reset (R, Ctrl+R), a scenario
key (1–9), a preset or data choice that Reset applies, Open Checkpoint, continuing from the
autosave. Quitting is covered by the autosave instead (autosave.py).

Undo, not a question first: a dialog before every R would stop a talk or a lesson for a press
that is usually meant, and a single key that destroys work fails WCAG 2.1.4; an undo costs the
user nothing until it is wanted. What comes back is the very session object that was replaced:
the controller stops its training thread before replacing it and nothing else writes to it, so
its weights, optimizer state, RNG, iteration, history and timeline return exactly, and keeping
it copies and writes nothing. The price is memory, so at most UNDO_LIMIT replaced sessions are
kept (QUndoStack drops the oldest; a fast or seed session holds a few MB). Redo goes forward
again, so an Undo does not lose the session it replaces either. A session that has not trained
yet is replaced without an undo step: there is nothing to lose.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.training.controller import TrainingController
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.window.actions import WindowActions
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.session_policy import SessionPolicy

UNDO_LIMIT = 3


@dataclasses.dataclass(frozen=True)
class KeptSession:
    """A session and the data choice it was made from (the whole dataset, before the filter)."""
    session: object
    spec: str
    dataset: object
    digits: tuple[int, ...] | None


def shown_config(session):
    """The session's configuration with the learning rates it trains with now (changed live
    while it ran, they live in its optimizers)."""
    rates = {key: session.algorithm.optimizers[network].lr
             for key, network in (("lr_d", "d"), ("lr_g", "g"))}
    return dataclasses.replace(session.config, **rates)


class _Replaced(QUndoCommand):
    """One replacement: undo puts `before` back, redo `after`. Pushed once it has happened."""

    def __init__(self, before: KeptSession, after: KeptSession,
                 put_back: Callable[[KeptSession, bool], None]) -> None:
        super().__init__()
        self.before, self.after, self._put_back = before, after, put_back
        self._happened = True

    def redo(self) -> None:
        if self._happened:   # QUndoStack.push calls redo: the replacement is already done
            self._happened = False
            return
        self._put_back(self.after, False)

    def undo(self) -> None:
        self._put_back(self.before, True)


class SessionUndo:
    def __init__(self, controller: TrainingController, data: DatasetChoice, policy: SessionPolicy,
                 actions: WindowActions, message_bar: MessageBar, parent: QWidget) -> None:
        self._data, self._policy, self._message_bar = data, policy, message_bar
        self.stack = QUndoStack(parent)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self._current: KeptSession | None = None
        self._putting_back = False
        self._keys = {back: action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                      for back, action in ((True, actions.undo), (False, actions.redo))}
        actions.undo.triggered.connect(self.stack.undo)
        actions.redo.triggered.connect(self.stack.redo)
        self.stack.canUndoChanged.connect(actions.undo.setEnabled)
        self.stack.canRedoChanged.connect(actions.redo.setEnabled)
        # Connected after the views, which clear the message bar for a new session.
        controller.session_replaced.connect(self._session_replaced)

    def _session_replaced(self, session) -> None:
        before, self._current = self._current, self._kept(session)
        if self._putting_back or before is None or before.session.iteration == 0:
            return
        self.stack.push(_Replaced(before, self._current, self._put_back))
        self._message_bar.show_message(
            _tr("A new session replaced the one at iteration {n}. {key} brings it back.").format(
                n=f"{before.session.iteration:,}", key=self._keys[True]), info=True)

    def _kept(self, session) -> KeptSession | None:
        if session is None:
            return None
        return KeptSession(session, self._data.spec, self._data.dataset, self._data.digits())

    def _put_back(self, kept: KeptSession, back: bool) -> None:
        """`kept` becomes the session again, on its data; `back`: by Undo (else by Redo)."""
        left = self._current.session.iteration if self._current is not None else 0
        self._putting_back = True
        try:
            if kept.dataset is not self._data.dataset:
                self._data.use(kept.spec, kept.dataset)
            self._data.set_digits_quietly(kept.digits)
            self._policy.adopt(kept.session, shown_config(kept.session))
        finally:
            self._putting_back = False
        said = _tr("Back at iteration {n}.").format(n=f"{kept.session.iteration:,}")
        if left > 0:   # the session just left can be had again with the other key
            said += " " + _tr("{key} returns to iteration {left}.").format(
                key=self._keys[not back], left=f"{left:,}")
        self._message_bar.show_message(said, info=True)
