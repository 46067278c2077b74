"""Which digits to learn from: the bundled set, downloadable full sets, the user's own files,
and a filter by digit. The window does the loading; this panel only asks and shows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ganstudio.gui.panels.digit_filter import DigitFilter


class DatasetPanel(QWidget):
    chosen = Signal(str)          # a dataset spec: "bundled", "mnist", "fashion" or a path
    download_requested = Signal(str)

    def __init__(self, open_file: QAction, open_folder: QAction,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.addItem(self.tr("MNIST, bundled (offline)"), "bundled")
        self.combo.addItem(self.tr("MNIST, full 60,000"), "mnist")
        self.combo.addItem(self.tr("Fashion-MNIST"), "fashion")
        self.combo.currentIndexChanged.connect(lambda _: self.chosen.emit(self.spec()))
        self.download = QPushButton(self.tr("Download…"))
        self.download.setToolTip(self.tr("Fetch the full set once (verified by SHA-256); "
                                         "afterwards it works offline"))
        self.download.clicked.connect(lambda: self.download_requested.emit(self.spec()))
        self.download.hide()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        open_buttons = QHBoxLayout()
        for action, text in ((open_file, self.tr("Open file…")), (open_folder, self.tr("Open folder…"))):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setText(text)
            open_buttons.addWidget(button)
        open_buttons.addStretch(1)
        self.digit_filter = DigitFilter()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addLayout(open_buttons)
        layout.addWidget(self.download)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Digits to learn:")))
        layout.addWidget(self.digit_filter)

    def spec(self) -> str:
        return self.combo.currentData()

    def select(self, spec: str, label: str | None = None) -> None:
        """Shows `spec` as chosen without emitting `chosen`; unknown paths are added."""
        index = self.combo.findData(spec)
        if index < 0:
            self.combo.addItem(label or spec, spec)
            index = self.combo.count() - 1
        self.combo.blockSignals(True)
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)

    def show_download_needed(self, needed: bool) -> None:
        self.download.setVisible(needed)

    def show_download_progress(self, done: float, total: float) -> None:
        self.progress.show()
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
            self.progress.setFormat(self.tr("{done:.1f} of {total:.1f} MB").format(
                done=done / 1e6, total=total / 1e6))
        else:
            self.progress.setRange(0, 0)   # busy indicator: size unknown

    def hide_download_progress(self) -> None:
        self.progress.hide()
