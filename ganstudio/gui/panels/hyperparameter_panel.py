"""Every setting of the current configuration as an editor. Learning rates and when to stop
(iterations, stopping rule) act at once, while training; everything else needs new networks and
applies on Reset (the panel says so)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ganstudio.core.config import CHOICES, GANConfig, with_overrides
from ganstudio.core.errors import ConfigError
from ganstudio.core.training import TrainingSession
from ganstudio.gui.panels.setting_help import setting_help

LIVE_KEYS = {"lr_d": "d", "lr_g": "g"}                 # key -> network for set_learning_rate
RUN_KEYS = frozenset(TrainingSession.RUN_SETTINGS)     # when to stop: changeable on a live run
HIDDEN_KEYS = frozenset({"name", "description"})
# Shown first: what a presenter reaches for during a talk.
FIRST_KEYS = ("lr_d", "lr_g", "seed", "iterations", "batch_size", "stop_rule")


def _text(value) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class HyperparameterPanel(QWidget):
    live_changed = Signal(str, float)   # network ("d" or "g"), new learning rate
    run_setting_changed = Signal(str, object)  # a RUN_KEYS key and its new value
    pending_changed = Signal(bool)      # True when the settings differ from the running ones
    invalid = Signal(str)               # a value that could not be used, as one line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config: GANConfig | None = None    # the edited settings
        self._applied: GANConfig | None = None   # what the running session uses
        self._editors: dict[str, QWidget] = {}
        self.hint = QLabel(self.tr("⟳ Changed settings apply on Reset (Ctrl+R)"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-weight: bold; color: palette(highlight);")
        self.hint.setVisible(False)
        live_note = QLabel(self.tr("Learning rates and when to stop change while training; "
                                   "the rest on Reset."))
        live_note.setWordWrap(True)
        self._form_host = QWidget()
        self._form = QFormLayout(self._form_host)
        self._form.setContentsMargins(0, 0, 6, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._form_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(live_note)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        self._build_editors()

    # ----- public -----------------------------------------------------------------------
    def config(self) -> GANConfig:
        return self._config

    def set_config(self, config: GANConfig, applied: bool = True) -> None:
        """Shows `config`; `applied` marks it as what the session runs (clears the hint)."""
        self._config = config
        if applied:
            self._applied = config
        for key, editor in self._editors.items():
            self._show_value(editor, getattr(config, key))
        self._update_hint()

    def editor(self, key: str) -> QWidget:
        return self._editors[key]

    # ----- internals --------------------------------------------------------------------
    def _build_editors(self) -> None:
        fields = [f for f in dataclasses.fields(GANConfig) if f.name not in HIDDEN_KEYS]
        fields.sort(key=lambda f: FIRST_KEYS.index(f.name) if f.name in FIRST_KEYS
                    else len(FIRST_KEYS))
        for f in fields:
            editor = self._make_editor(f.name, f.default)
            live = f.name in LIVE_KEYS or f.name in RUN_KEYS
            label = QLabel(f.name + (self.tr(" (live)") if live else ""))
            label.setToolTip(setting_help(f.name))
            editor.setToolTip(setting_help(f.name))
            self._form.addRow(label, editor)
            self._editors[f.name] = editor

    def _make_editor(self, key: str, default) -> QWidget:
        if key in CHOICES:
            box = QComboBox()
            box.addItems(CHOICES[key])
            box.currentTextChanged.connect(lambda text, k=key: self._edited(k, text))
            return box
        if isinstance(default, bool):
            check = QCheckBox()
            check.toggled.connect(lambda on, k=key: self._edited(k, on))
            return check
        line = QLineEdit()
        line.setMinimumWidth(60)
        line.editingFinished.connect(lambda k=key, w=line: self._edited(k, w.text()))
        return line

    @staticmethod
    def _show_value(editor: QWidget, value) -> None:
        editor.blockSignals(True)
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(value))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        else:
            editor.setText(_text(value))
        editor.blockSignals(False)

    def _edited(self, key: str, value) -> None:
        if self._config is None:
            return
        try:
            updated = with_overrides(self._config, {key: value})
        except ConfigError as error:
            self._show_value(self._editors[key], getattr(self._config, key))
            self.invalid.emit(str(error))
            return
        if updated == self._config:
            return
        self._config = updated
        if key in LIVE_KEYS:
            self.live_changed.emit(LIVE_KEYS[key], float(getattr(updated, key)))
        elif key in RUN_KEYS:
            self.run_setting_changed.emit(key, getattr(updated, key))
        self._update_hint()

    def _update_hint(self) -> None:
        pending = self.is_pending()
        self.hint.setVisible(pending)
        self.pending_changed.emit(pending)

    def is_pending(self) -> bool:
        if self._config is None or self._applied is None:
            return False
        live_free = {key: getattr(self._applied, key) for key in (*LIVE_KEYS, *RUN_KEYS)}
        return dataclasses.replace(self._config, **live_free) != self._applied
