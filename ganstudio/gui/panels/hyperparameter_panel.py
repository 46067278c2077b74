"""Every setting of the current configuration as an editor, for people: grouped (data,
generator, discriminator, training, stopping), a human label with the command line's key beside
it, values in words, only the settings that apply to the chosen algorithm and optimizer, the
common ones first and the rest behind "More", and the explanation of the selected setting in the
panel. The words and rules live in ganstudio/core/config/setting_info.py.

Learning rates and when to stop (iterations, stopping rule) act at once, while training;
everything else needs new networks and applies on Reset (the panel says so)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ganstudio.core.config import setting_info
from ganstudio.core.config.limits import CHOICES
from ganstudio.core.config.overrides import with_overrides
from ganstudio.core.config.settings import GANConfig
from ganstudio.core.errors import ConfigError
from ganstudio.core.training.session import TrainingSession
from ganstudio.gui.panels.setting_help import group_title, setting_help, setting_label, value_words

LIVE_KEYS = {"lr_d": "d", "lr_g": "g"}                 # key -> network for set_learning_rate
RUN_KEYS = frozenset(TrainingSession.RUN_SETTINGS)     # when to stop: changeable on a live run


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
        self._labels: dict[str, QLabel] = {}
        self._groups: dict[str, tuple[QGroupBox, QFormLayout]] = {}
        self.hint = QLabel(self.tr("⟳ Changed settings apply on Reset (Ctrl+R)"))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-weight: bold; color: palette(highlight);")
        self.hint.setVisible(False)
        live_note = QLabel(self.tr("Learning rates and when to stop change while training; "
                                   "the rest on Reset."))
        live_note.setWordWrap(True)
        host = QWidget()
        self._host_layout = QVBoxLayout(host)
        self._host_layout.setContentsMargins(0, 0, 6, 0)
        self.more = QToolButton()
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setAutoRaise(True)
        self.more.toggled.connect(self._update_rows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(host)
        # The selected setting's explanation, readable on a projector (not only on hover).
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setFrameShape(QFrame.Shape.StyledPanel)
        self.explanation.setMargin(6)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setText(self.tr("Click a setting to see what it does."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(live_note)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.explanation)
        self._build_editors()
        self._host_layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self._host_layout.addStretch(1)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._update_rows()

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
        self._update_rows()
        self._update_hint()

    def editor(self, key: str) -> QWidget:
        return self._editors[key]

    def is_shown(self, key: str) -> bool:
        """Whether the row of `key` is in the panel now (it applies, and is common or More is on)."""
        return self._shown(key)

    def explain(self, key: str) -> None:
        """Shows what `key` does below the settings (also when its editor gets the focus)."""
        self.explanation.setText(self.tr("{label} ({key})\n{help}").format(
            label=setting_label(key), key=key, help=setting_help(key)))

    # ----- internals --------------------------------------------------------------------
    def _build_editors(self) -> None:
        for key in setting_info.ordered_keys():
            group = setting_info.info(key).group
            if group not in self._groups:
                box = QGroupBox(group_title(group))
                form = QFormLayout(box)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
                # A narrow dock puts the editor under its label instead of squeezing it away.
                form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
                form.setContentsMargins(4, 4, 4, 4)
                self._host_layout.addWidget(box)
                self._groups[group] = (box, form)
            editor = self._make_editor(key, getattr(GANConfig, key))
            live = key in LIVE_KEYS or key in RUN_KEYS
            name = setting_label(key) + (self.tr(" (live)") if live else "")
            # The key beside the label, smaller: what `--set KEY=…` takes.
            label = QLabel(f"{_escape(name)} <span style='color: gray; font-size: small;'>"
                           f"{_escape(key)}</span>")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setToolTip(setting_help(key))
            label.setBuddy(editor)
            editor.setToolTip(setting_help(key))
            self._groups[group][1].addRow(label, editor)
            self._editors[key], self._labels[key] = editor, label

    def _make_editor(self, key: str, default) -> QWidget:
        if key in CHOICES:
            box = QComboBox()
            for value in CHOICES[key]:
                box.addItem(value_words(key, value), value)
            box.currentIndexChanged.connect(lambda _i, k=key, w=box: self._edited(k, w.currentData()))
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
            editor.setCurrentIndex(editor.findData(value))
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
        self._update_rows()   # another algorithm or optimizer shows other settings
        self._update_hint()

    def _shown(self, key: str) -> bool:
        if self._config is not None and not setting_info.applies(key, self._config):
            return False
        return setting_info.info(key).common or self.more.isChecked()

    def _update_rows(self) -> None:
        hidden = 0
        for key, label in self._labels.items():
            form = self._groups[setting_info.info(key).group][1]
            shown = self._shown(key)
            form.setRowVisible(label, shown)
            applies = self._config is None or setting_info.applies(key, self._config)
            hidden += applies and not shown
        for box, form in self._groups.values():
            box.setVisible(any(form.isRowVisible(row) for row in range(form.rowCount())))
        if self.more.isChecked():
            self.more.setText(self.tr("Fewer settings"))
            self.more.setArrowType(Qt.ArrowType.UpArrow)
        else:
            self.more.setText(self.tr("More settings ({n})").format(n=hidden))
            self.more.setArrowType(Qt.ArrowType.DownArrow)

    def _focus_changed(self, _old, new) -> None:
        widget = new
        while widget is not None and widget is not self:
            for key, editor in self._editors.items():
                if widget is editor:
                    self.explain(key)
                    return
            widget = widget.parentWidget()

    def _update_hint(self) -> None:
        pending = self.is_pending()
        self.hint.setVisible(pending)
        self.pending_changed.emit(pending)

    def is_pending(self) -> bool:
        if self._config is None or self._applied is None:
            return False
        live_free = {key: getattr(self._applied, key) for key in (*LIVE_KEYS, *RUN_KEYS)}
        return dataclasses.replace(self._config, **live_free) != self._applied


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
