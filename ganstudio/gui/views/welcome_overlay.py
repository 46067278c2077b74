"""What a first-time viewer sees over the untrained grid: what the window is, and the one key
to press. Shown while a fresh session waits for its first iteration (at launch and after
Reset), gone once training starts. Its type scales with the grid, so it reads the same on a
1024 x 768 projector and on a large screen, and with the zoom (Ctrl+plus) like the window's."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from ganstudio.gui import zoom
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

    def pieces(self, side: float) -> list[tuple[str, float, bool, str]]:
        """(text, pixel size, bold, colour) for a grid `side` pixels wide: sizes grow with the
        grid and never go below what reads on a projector, scaled by the zoom like all text."""
        least = zoom.current()
        return [(self.title, max(14.0 * least, side * 0.06), True, "#ffffff"),
                (self.body, max(11.0 * least, side * 0.037), False, "#d6d9de"),
                (self.call, max(17.0 * least, side * 0.08), True, "#ffd54f"),
                (self.hint, max(10.0 * least, side * 0.032), False, "#b0b5bd")]

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        area = self._grid.image_rect() if hasattr(self._grid, "image_rect") else QRectF(self.rect())
        side = min(area.width(), area.height())
        if side < 60:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        margin, gap = max(8.0, side * 0.05), max(6.0, side * 0.03)
        inner_width = area.width() - 4 * margin
        pieces = self.pieces(side)
        # What does not fit goes, least needed first: the hint, then the explanation.
        for dropped in ((), (3,), (1, 3)):
            kept = [piece for index, piece in enumerate(pieces) if index not in dropped]
            heights = [self._measure(painter, piece, inner_width) for piece in kept]
            height = sum(heights) + gap * (len(kept) - 1) + 2 * margin
            if height <= area.height() - 2 * margin:
                break
        panel = QRectF(area.left() + margin, area.center().y() - height / 2,
                       area.width() - 2 * margin, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(10, 12, 16, 220))
        painter.drawRoundedRect(panel, margin, margin)
        y = panel.top() + margin
        for piece, piece_height in zip(kept, heights):
            self._use(painter, piece)
            painter.drawText(QRectF(panel.left() + margin, y, inner_width, piece_height),
                             _FLAGS, piece[0])
            y += piece_height + gap
        painter.end()

    def _measure(self, painter: QPainter, piece, width: float) -> float:
        self._use(painter, piece)
        return painter.boundingRect(QRectF(0, 0, width, 10_000), _FLAGS, piece[0]).height()

    def _use(self, painter: QPainter, piece) -> None:
        _, pixels, bold, color = piece
        font = QFont(self.font())
        font.setPixelSize(round(pixels))
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(QColor(color))


_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
