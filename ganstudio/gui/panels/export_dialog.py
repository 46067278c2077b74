"""File ▸ Export model…: which format, with a line on what each is for. A format whose package
is not installed is greyed out, with a tooltip saying which package and how to get it. What is
wrong with the model itself (the core's export warnings) is said above the choices."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from ganstudio.core.formats.model_io.formats import FORMATS, unavailable_formats


class ExportDialog(QDialog):
    def __init__(self, parent=None, unavailable: dict[str, str] | None = None,
                 warnings: list[str] = ()) -> None:
        """`unavailable`: format -> the package it lacks (by default, what this machine lacks);
        `warnings`: what is wrong with the model, in the user's language (formats.export_warnings)."""
        super().__init__(parent)
        unavailable = unavailable_formats() if unavailable is None else unavailable
        self.setWindowTitle(self.tr("Export model"))
        notes = {   # the window's words for model_io.formats' notes
            "onnx": self.tr("ONNX — the generator as one file for any ONNX runtime (apps, the web, C++, C#)"),
            "safetensors": self.tr("safetensors — the weights of G and D with the settings, for other "
                                   "tools and to import back"),
            "pytorch": self.tr("PyTorch — a folder of code and weights to keep training on a GPU"),
        }
        layout = QVBoxLayout(self)
        self.warning = QLabel("\n".join(self.tr("Warning: {warning}.").format(warning=w) for w in warnings))
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight: bold;")
        self.warning.setVisible(bool(warnings))
        layout.addWidget(self.warning)
        layout.addWidget(QLabel(self.tr("Export the current generator and discriminator as:")))
        self.buttons = {}
        for name in FORMATS:
            button = QRadioButton(notes[name])
            layout.addWidget(button)
            self.buttons[name] = button
            if name in unavailable:
                button.setEnabled(False)
                button.setToolTip(self._why_unavailable(unavailable[name]))
        available = [name for name in FORMATS if name not in unavailable]
        if available:   # ONNX when it can be written, else the first that can
            self.buttons["onnx" if "onnx" in available else available[0]].setChecked(True)
        self.discriminator = QCheckBox(self.tr("Also the discriminator (a second ONNX file)"))
        self.discriminator.setEnabled(self.buttons["onnx"].isChecked())
        layout.addWidget(self.discriminator)
        self.buttons["onnx"].toggled.connect(self.discriminator.setEnabled)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(available))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def _why_unavailable(self, package: str) -> str:
        if getattr(sys, "frozen", False):   # no pip inside the packaged app
            return self.tr("Needs the {package} package, which this build of GAN Studio lacks; "
                           "install the full package from the project's releases").format(package=package)
        return self.tr("Needs the {package} package, which is not installed "
                       "(pip install 'ganstudio[export]')").format(package=package)

    @property
    def format_name(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())
