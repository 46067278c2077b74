"""What a first-time viewer sees over the untrained grid: what the window is, and the one key
to press. Shown while a fresh session waits for its first iteration (at launch and after
Reset), gone once training starts. Its type scales with the grid, so it reads the same on a
1024 x 768 projector and on a large screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from ganstudio.gui.translations import tr as _tr


class WelcomeOverlay(QWidget):
    """A child of the digit grid, covering it; clicks go through to what lies beneath."""

    def __init__(self, grid: QWidget, start_key: str) -> None:
        super().__init__(grid)
        self.setObjectName("WelcomeOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._grid = grid
        self.title = _tr("Watch a GAN learn to draw digits")
        self.body = _tr("G, the generator, turns noise into pictures; D, the discriminator, learns "
                        "to tell them from real handwritten digits. Each improves by beating the "
                        "other. These 100 squares are what G draws now: noise, for now.")
        self.call = _tr("Press {key} to start").format(key=start_key)
        self.hint = _tr("→ one step · ? all keys · F1 help")
        self.setGeometry(grid.rect())

    # The grid's events are watched only while this is shown: a training grid repaints often.
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._grid.installEventFilter(self)   # to cover the grid at every size
        self.setGeometry(self._grid.rect())

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._grid.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._grid and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._grid.rect())
        return False

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        area = self._grid.image_rect() if hasattr(self._grid, "image_rect") else QRectF(self.rect())
        side = min(area.width(), area.height())
        if side < 60:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        panel = area.adjusted(side * 0.06, side * 0.12, -side * 0.06, -side * 0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(10, 12, 16, 215))
        painter.drawRoundedRect(panel, side * 0.03, side * 0.03)
        inner = panel.adjusted(side * 0.05, side * 0.04, -side * 0.05, -side * 0.04)
        y = inner.top()
        for text, size, bold, color in (
                (self.title, 0.058, True, "#ffffff"),
                (self.body, 0.036, False, "#d6d9de"),
                (self.call, 0.075, True, "#ffd54f"),
                (self.hint, 0.032, False, "#b0b5bd")):
            y = self._draw(painter, text, QRectF(inner.left(), y, inner.width(), inner.bottom() - y),
                           side * size, bold, color) + side * 0.035
        painter.end()

    def _draw(self, painter: QPainter, text: str, room: QRectF, pixels: float, bold: bool,
              color: str) -> float:
        """Draws wrapped, centred `text` at the top of `room`; returns where it ends."""
        font = QFont(self.font())
        font.setPixelSize(max(9, round(pixels)))
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(QColor(color))
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        used = painter.boundingRect(room, flags, text)
        painter.drawText(room, flags, text)
        return used.bottom()
