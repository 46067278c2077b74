"""File ▸ Export model…: which format, with a line on what each is for."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from ganstudio.core.formats.model_io.formats import FORMATS


class ExportDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export model"))
        notes = {   # the window's words for model_io.formats' notes
            "onnx": self.tr("ONNX — the generator as one file for any ONNX runtime (apps, the web, C++, C#)"),
            "safetensors": self.tr("safetensors — the weights of G and D with the settings, for other "
                                   "tools and to import back"),
            "pytorch": self.tr("PyTorch — a folder of code and weights to keep training on a GPU"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Export the current generator and discriminator as:")))
        self.buttons = {}
        for name in FORMATS:
            button = QRadioButton(notes[name])
            layout.addWidget(button)
            self.buttons[name] = button
        self.buttons["onnx"].setChecked(True)
        self.discriminator = QCheckBox(self.tr("Also the discriminator (a second ONNX file)"))
        layout.addWidget(self.discriminator)
        self.buttons["onnx"].toggled.connect(self.discriminator.setEnabled)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    @property
    def format_name(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())
