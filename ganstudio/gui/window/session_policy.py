"""When the settings and data shown become the training session: always on Reset; at once
while nothing has been trained (there is nothing to lose); after a finished run, on the next
Space, which starts a new run with them (the finished one stays a Ctrl+Z away); otherwise the
status line says changes are pending and that Reset applies them. Live settings (learning
rates, run length) reach the session at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox

from ganstudio.core.config.presets import get_preset
from ganstudio.core.errors import GanStudioError
from ganstudio.gui.panels.hyperparameter_panel import HyperparameterPanel
from ganstudio.gui.panels.message_bar import MessageBar
from ganstudio.gui.panels.status_line import StatusLine
from ganstudio.gui.training.controller import State, TrainingController
from ganstudio.gui.window.dataset_choice import DatasetChoice
from ganstudio.gui.window.frame import show_preset
from ganstudio.gui.window.ladder_caption import ladder_caption


class SessionPolicy:
    def __init__(self, controller: TrainingController, data: DatasetChoice,
                 hyperparameters: HyperparameterPanel, preset_box: QComboBox,
                 message_bar: MessageBar, status: StatusLine,
                 show_error: Callable[[str], None], start: QAction) -> None:
        # `start`: Start/Pause, enabled after a finished run while new settings wait for it.
        self._controller, self._data, self._start = controller, data, start
        self._hyperparameters, self._preset_box = hyperparameters, preset_box
        self._message_bar, self._status, self._show_error = message_bar, status, show_error
        self._applied_data_choice: tuple = ()
        self._ladder_caption = ""

    def reset(self) -> None:
        """New networks from the settings shown, on the chosen data and digits."""
        from ganstudio.core.training.session import TrainingSession

        config = self._hyperparameters.config()
        try:
            session = TrainingSession(config, self._data.filtered())
        except GanStudioError as error:
            self._show_error(str(error))
            return
        self._applied_data_choice = self._data_choice()
        self._controller.set_session(session)
        self._hyperparameters.set_config(config)
        self.show_pending()

    def adopt(self, session, config) -> None:
        """An existing session becomes the session (a checkpoint opened, one brought back by
        Undo); the chooser and the settings show `config`."""
        self._applied_data_choice = self._data_choice()
        self._controller.set_session(session)
        show_preset(self._preset_box, config.name)
        self._hyperparameters.set_config(config)
        self.show_pending()

    def apply_when_idle(self) -> None:
        # Nothing trained yet: nothing to lose, so show the new choice straight away.
        controller = self._controller
        session = controller.session
        if controller.state is State.IDLE and (session is None or session.iteration == 0):
            self.reset()
        else:
            self.show_pending()

    def preset_chosen(self) -> None:
        name = self._preset_box.currentData()
        said = self._message()
        # New settings make a new session at once when idle (which clears the message bar).
        self._hyperparameters.set_config(get_preset(name), applied=False)
        self.apply_when_idle()
        if self._message() in (said, None):   # unless the choice brought an error: that stays
            self._show_ladder_caption(name)

    def _message(self) -> str | None:
        bar = self._message_bar
        return bar.label.text() if bar.isVisible() else None

    def _show_ladder_caption(self, name: str) -> None:
        """A ladder rung says why it is there; choosing another preset takes the caption away
        (but not a message that has replaced it)."""
        caption = ladder_caption(name)
        if caption:
            self._message_bar.show_message(caption, info=True)
        elif self._ladder_caption and self._message() == self._ladder_caption:
            self._message_bar.hide()
        self._ladder_caption = caption

    def settings_edited(self, pending: bool) -> None:
        if pending:
            self.apply_when_idle()
        else:
            self.show_pending()

    def start_or_pause(self) -> None:
        """Space: starts or pauses; after a finished run, starts a new one with the settings
        chosen since (a preset chosen then had waited silently for Ctrl+R)."""
        if self._finished() and self.pending():
            self.reset()
        self._controller.toggle()

    def pending(self) -> bool:
        """Whether the settings or data shown differ from the session's."""
        return self._hyperparameters.is_pending() or self._data_choice() != self._applied_data_choice

    def show_pending(self, *_args) -> None:
        """Says what applies pending changes; call again when the state changes (after the
        display, which disables Start at the end of a run)."""
        pending = self.pending()
        self._status.show_pending(pending, on_start=self._finished())
        if self._finished():
            self._start.setEnabled(pending)

    def _finished(self) -> bool:
        return self._controller.state is State.FINISHED

    def learning_rate_changed(self, network: str, value: float) -> None:
        self._live(lambda: self._controller.set_learning_rate(network, value))

    def run_setting_changed(self, key: str, value) -> None:
        self._live(lambda: self._controller.set_run_setting(key, value))

    def _live(self, change) -> None:
        try:
            change()
        except GanStudioError as error:
            self._show_error(str(error))

    def _data_choice(self) -> tuple:
        return (self._data.spec, self._data.digits())
