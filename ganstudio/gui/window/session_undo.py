"""Undo (Ctrl+Z) and Redo for whatever replaces a trained session: Reset (R, Ctrl+R), a scenario
key (1–9), a preset or data choice that Reset applies, Open Checkpoint, continuing from the
autosave. Quitting is covered by the autosave instead (autosave.py).

Undo, not a question first: a dialog before every R would stop a talk or a lesson for a press
that is usually meant, and a single key that destroys work fails WCAG 2.1.4; an undo costs the
user nothing until it is wanted. What comes back is the very session object that was replaced:
the controller stops its training thread before replacing it and nothing else writes to it, so
its weights, optimizer state, RNG, iteration, history and timeline return exactly, and keeping
it copies and writes nothing. The price is memory, so at most UNDO_LIMIT sessions are kept
besides the current one (a fast or seed session holds a few MB; SessionLine says which go
first). Redo goes forward again, so an Undo does not lose the session it leaves either, nor
does a new session after an Undo (it goes in beside, not over, the sessions ahead). A session
that has not trained yet is replaced without an undo step: there is nothing to lose.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QAction, QKeySequence

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


class SessionLine:
    """The sessions the user can move between, in order, and the one they are at: Undo moves
    back one, Redo forward one. A new session goes in right after the current one, so the
    sessions ahead stay reachable (an undo stack would cut that redo branch off, and with it a
    trained session that was undone); a current session that has not trained is replaced, not
    kept. At most `limit` sessions are kept besides the current one: past that, untrained ones
    go first, then the one farthest back."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._items: list[KeptSession] = []
        self._at = -1

    @property
    def current(self) -> KeptSession | None:
        return self._items[self._at] if self._items else None

    @property
    def can_go_back(self) -> bool:
        return self._at > 0

    @property
    def can_go_forward(self) -> bool:
        return self._at < len(self._items) - 1

    def add(self, kept: KeptSession) -> None:
        if self.current is not None and not _trained(self.current):
            self._items[self._at] = kept
        else:
            self._at += 1
            self._items.insert(self._at, kept)
        while len(self._items) > self._limit + 1:
            others = [i for i in range(len(self._items)) if i != self._at]
            drop = next((i for i in others if not _trained(self._items[i])), others[0])
            del self._items[drop]
            self._at -= drop < self._at

    def go_back(self) -> KeptSession:
        self._at -= 1
        return self._items[self._at]

    def go_forward(self) -> KeptSession:
        self._at += 1
        return self._items[self._at]


def _trained(kept: KeptSession) -> bool:
    return kept.session.iteration > 0


class SessionUndo:
    def __init__(self, controller: TrainingController, data: DatasetChoice, policy: SessionPolicy,
                 actions: WindowActions, message_bar: MessageBar) -> None:
        self._data, self._policy, self._message_bar = data, policy, message_bar
        self._undo, self._redo = actions.undo, actions.redo
        self.line = SessionLine(UNDO_LIMIT)
        self._putting_back = False
        actions.undo.triggered.connect(self.undo)
        actions.redo.triggered.connect(self.redo)
        # Connected after the views, which clear the message bar for a new session.
        controller.session_replaced.connect(self._session_replaced)

    def undo(self) -> None:
        if self.line.can_go_back:
            left = self.line.current
            self._put_back(self.line.go_back(), left, self._redo)

    def redo(self) -> None:
        if self.line.can_go_forward:
            left = self.line.current
            self._put_back(self.line.go_forward(), left, self._undo)

    def _session_replaced(self, session) -> None:
        if self._putting_back or session is None:
            return
        before = self.line.current
        self.line.add(KeptSession(session, self._data.spec, self._data.dataset, self._data.digits()))
        self._show_actions()
        if before is not None and _trained(before):
            self._message_bar.show_message(
                _tr("A new session replaced the one at iteration {n}. {key} brings it back.").format(
                    n=f"{before.session.iteration:,}", key=_key(self._undo)), info=True)

    def _put_back(self, kept: KeptSession, left: KeptSession, other_way: QAction) -> None:
        """`kept` becomes the session again, on its data; `other_way` returns to `left`."""
        self._putting_back = True
        try:
            if kept.dataset is not self._data.dataset:
                self._data.use(kept.spec, kept.dataset)
            self._data.set_digits_quietly(kept.digits)
            self._policy.adopt(kept.session, shown_config(kept.session))
        finally:
            self._putting_back = False
        self._show_actions()
        said = _tr("Back at iteration {n}.").format(n=f"{kept.session.iteration:,}")
        if _trained(left):
            said += " " + _tr("{key} returns to iteration {left}.").format(
                key=_key(other_way), left=f"{left.session.iteration:,}")
        self._message_bar.show_message(said, info=True)

    def _show_actions(self) -> None:
        self._undo.setEnabled(self.line.can_go_back)
        self._redo.setEnabled(self.line.can_go_forward)


def _key(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
